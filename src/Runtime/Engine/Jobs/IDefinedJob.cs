using System.ComponentModel;

namespace MapReduceGen.Engine;

/// <summary>
/// A generated job struct that carries its own definition: every executor (the local runner, a cluster backend) runs
/// <see cref="Definition"/>, made once per job type.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type the mappers emit.</typeparam>
/// <typeparam name="TOutput">What a run returns: a <see cref="MapReduceResult{TKey, TResult}"/> or a <see cref="MapReduceRecords{TRecord}"/>.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IDefinedJob<TKey, TValue, TOutput>
{
    /// <summary>The job's definition: its mappers, parameters, shape and layout.</summary>
    static abstract JobDefinition<TKey, TValue, TOutput> Definition { get; }
}
