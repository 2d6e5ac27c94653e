namespace MapReduceGen.Generator.Model
{
    /// <summary>What a job's reducer does with a key's values; with <see cref="JobOutputKind"/> it picks the job's <see cref="JobShape"/>.</summary>
    internal enum ShapeKind
    {
        /// <summary><c>static TValue R(TValue left, TValue right)</c>: values folded as they are emitted.</summary>
        Fold,

        /// <summary>A <c>[Combiner]</c> and <c>static TResult R(TKey key, TValue combined)</c>: each key finished once.</summary>
        Finish,

        /// <summary><c>static TResult R(TKey key, ReadOnlySpan&lt;TValue&gt; values)</c> (or <c>IReadOnlyList</c>): every value kept.</summary>
        Group,

        /// <summary>A <c>[Combiner]</c> and a grouping reducer: one combined value per map task.</summary>
        CombinedGroup,

        /// <summary><c>static TResult R(TKey key)</c>: keys only, values dropped as they are emitted.</summary>
        Distinct,
    }
}
