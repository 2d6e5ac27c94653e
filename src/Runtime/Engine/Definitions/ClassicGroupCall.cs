namespace MapReduceGen.Engine.Definitions;

/// <summary>The reducer of a job struct with the original grouping shape (<see cref="IGroupReducer{TKey, TValue, TResult}"/>).</summary>
internal readonly struct ClassicGroupCall<TJob, TKey, TValue, TResult> : IGroupReduce<TKey, TValue, TResult>
    where TJob : IGroupReducer<TKey, TValue, TResult>
{
    public static void Reduce(TKey key, ReadOnlySpan<TValue> values, KeyOutput<TResult> output, TaskContext context) =>
        output.Set(TJob.Reduce(key, values));
}
