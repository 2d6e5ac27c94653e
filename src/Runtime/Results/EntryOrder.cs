namespace MapReduceGen.Engine.Results;

/// <summary>
/// The order of <see cref="MapReduceResult{TKey, TResult}.Top(int)"/> over a store's entries: larger results first,
/// ties by key ascending (see <see cref="ResultOrder{TKey, TResult}"/>), keys compared by the store.
/// </summary>
internal sealed class EntryOrder<TKey, TResult>(ResultStore<TKey, TResult> store)
{
    /// <summary>Negative when <paramref name="left"/> comes first.</summary>
    public int Compare(EntryPosition<TResult> left, EntryPosition<TResult> right)
    {
        int byResult = Comparer<TResult>.Default.Compare(right.Result, left.Result);
        return byResult != 0
            ? byResult
            : store.CompareKeys(left.Partition, left.Index, right.Partition, right.Index);
    }
}
