namespace MapReduceGen.Generator.Model
{
    /// <summary>The member through which the engine calls a job's reducer, on the generated job struct.</summary>
    internal enum ReduceMember
    {
        /// <summary>None: the fold reducer is the job's <c>Combine</c>, and the combined value is the key's result.</summary>
        None,

        /// <summary><c>Finish(TKey key, TValue combined, KeyOutput&lt;TResult&gt; output, TaskContext context)</c>.</summary>
        Finish,

        /// <summary><c>Reduce(TKey key, ReadOnlySpan&lt;TValue&gt; values, KeyOutput&lt;TResult&gt; output, TaskContext context)</c>.</summary>
        ReduceValues,

        /// <summary><c>Reduce(TKey key, KeyOutput&lt;TResult&gt; output, TaskContext context)</c>.</summary>
        ReduceKey,
    }
}
