using MapReduceGen.Engine.Results;

namespace MapReduceGen;

/// <summary>Creates results for executors other than the local runner (a cluster backend, tests).</summary>
public static class MapReduceResult
{
    /// <summary>
    /// Creates a result from gathered entries; keys are looked up with <see cref="EqualityComparer{T}.Default"/>,
    /// which for every key type a job accepts is the job's own equality (ordinal for strings).
    /// </summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="entries">Each key once, with its result.</param>
    /// <param name="statistics">The run's statistics.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentException">A key appears twice.</exception>
    public static MapReduceResult<TKey, TResult> Create<TKey, TResult>(
        IEnumerable<KeyValuePair<TKey, TResult>> entries, MapReduceStatistics statistics)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(statistics);
        return new MapReduceResult<TKey, TResult>(new DictionaryResultStore<TKey, TResult>(entries), statistics);
    }
}
