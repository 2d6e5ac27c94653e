using System.ComponentModel;

namespace MapReduceGen.Engine;

/// <summary>
/// A MapReduce job as the source generator emits it for a <c>[Mapper]</c>/<c>[Reducer]</c> pair: a struct whose
/// static members call the user's methods directly. Executors (the local runner, a cluster backend) are generic
/// over the job type, so they are specialised for it by the JIT and by Native AOT, with no reflection.
/// </summary>
/// <typeparam name="TInput">The mapper's input type.</typeparam>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type the mapper emits.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IMapReduceJob<TInput, TKey, TValue> : IKeyedJob<TKey>
{
    /// <summary>Maps one input, emitting its pairs into <paramref name="emitter"/>.</summary>
    /// <param name="input">The input.</param>
    /// <param name="emitter">Where the pairs go.</param>
    static abstract void Map(TInput input, Emitter<TKey, TValue> emitter);
}
