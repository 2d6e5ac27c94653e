namespace MapReduceGen.Generator.Model
{
    /// <summary>What a job's run returns.</summary>
    internal enum JobOutputKind
    {
        /// <summary>One result per key, a <c>MapReduceResult&lt;TKey, TResult&gt;</c>: the reducer returns it.</summary>
        Result,

        /// <summary>Zero or more records per key, a <c>MapReduceRecords&lt;TRecord&gt;</c>: the reducer writes them to a <c>RecordOutput</c>.</summary>
        Records,
    }
}
