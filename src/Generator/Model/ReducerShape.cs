namespace MapReduceGen.Generator.Model
{
    /// <summary>The accepted forms of a <c>[Reducer]</c> method.</summary>
    internal enum ReducerShape
    {
        /// <summary><c>static TValue R(TValue left, TValue right)</c>.</summary>
        Fold,

        /// <summary><c>static TResult R(TKey key, ReadOnlySpan&lt;TValue&gt; values)</c>.</summary>
        GroupSpan,

        /// <summary><c>static TResult R(TKey key, IReadOnlyList&lt;TValue&gt; values)</c>.</summary>
        GroupList,

        /// <summary><c>static TResult R(TKey key, TValue combined)</c> with a <c>[Combiner]</c>.</summary>
        Finish,
    }
}
