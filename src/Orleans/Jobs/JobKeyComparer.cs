namespace MapReduceGen.Orleans.Jobs;

/// <summary>
/// The job's own key equality and stable hash as a comparer, for the dictionaries that combine and group pairs on
/// the silos. For <see cref="string"/> keys it also looks keys up by <see cref="ReadOnlySpan{T}"/> of characters, so a
/// mapper that emits span keys allocates a string only for a task's new keys.
/// </summary>
internal sealed class JobKeyComparer<TJob, TKey> : IEqualityComparer<TKey>, IAlternateEqualityComparer<ReadOnlySpan<char>, TKey>
    where TJob : struct, IKeyEquality<TKey>
{
    public static readonly JobKeyComparer<TJob, TKey> Instance = new();

    public bool Equals(TKey? x, TKey? y) =>
        x is null || y is null ? x is null && y is null : TJob.KeysEqual(x, y);

    public int GetHashCode(TKey obj) => TJob.GetKeyHash(obj);

    // Only used when TKey is string: the job's string hash is StableHash.Of(span) by contract (IKeyEquality).
    public bool Equals(ReadOnlySpan<char> alternate, TKey other) =>
        ((string)(object)other!).AsSpan().SequenceEqual(alternate);

    public int GetHashCode(ReadOnlySpan<char> alternate) => StableHash.Of(alternate);

    public TKey Create(ReadOnlySpan<char> alternate) => (TKey)(object)alternate.ToString();
}
