namespace MapReduceGen.Generator.Model
{
    /// <summary>How a job orders and partitions its output: its sorting and its helper methods (each may be absent).</summary>
    /// <param name="SortByKey">Whether the output is sorted by key (<c>[Reducer(SortByKey = true)]</c> or a <c>[KeyComparer]</c>).</param>
    /// <param name="KeyComparer">The <c>[KeyComparer]</c> method.</param>
    /// <param name="ValueComparer">The <c>[ValueComparer]</c> method.</param>
    /// <param name="OutputComparer">The <c>[OutputComparer]</c> method.</param>
    /// <param name="Partitioner">The <c>[Partitioner]</c> method.</param>
    internal sealed record JobLayoutModel(
        bool SortByKey, string? KeyComparer, string? ValueComparer, string? OutputComparer, string? Partitioner)
    {
        /// <summary>Whether the job's definition needs a layout at all.</summary>
        public bool IsDefault => !SortByKey && KeyComparer is null && ValueComparer is null && OutputComparer is null && Partitioner is null;
    }
}
