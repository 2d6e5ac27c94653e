namespace MapReduceGen.Engine.Results;

/// <summary>
/// The order of <see cref="MapReduceResult{TKey, TResult}.Top(int)"/> over a store's entries: larger values first (the
/// results, or what a selector made of the entries), ties by key ascending in the job's key order, keys compared by the
/// store.
/// </summary>
internal sealed class EntryOrder<TKey, TResult, TOrder>(ResultStore<TKey, TResult> store, IComparer<TOrder> order)
{
    /// <summary>Negative when <paramref name="left"/> comes first.</summary>
    public int Compare(EntryPosition<TOrder> left, EntryPosition<TOrder> right)
    {
        int byValue = order.Compare(right.Result, left.Result);
        return byValue != 0
            ? byValue
            : store.CompareKeys(left.Partition, left.Index, right.Partition, right.Index);
    }
}
