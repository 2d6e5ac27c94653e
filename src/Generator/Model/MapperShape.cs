namespace MapReduceGen.Generator.Model
{
    /// <summary>The accepted forms of a <c>[Mapper]</c> method.</summary>
    internal enum MapperShape
    {
        /// <summary><c>static void M(TInput input, Emitter&lt;TKey, TValue&gt; emit)</c>.</summary>
        Emitter,

        /// <summary>
        /// <c>static IEnumerable&lt;(TKey Key, TValue Value)&gt; M(TInput input)</c>, or a sequence of
        /// <c>KeyValuePair&lt;TKey, TValue&gt;</c> (<see cref="MapperModel.YieldsKeyValuePairs"/>).
        /// </summary>
        Enumerable,
    }
}
