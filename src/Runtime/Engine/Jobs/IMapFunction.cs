using System.ComponentModel;

namespace MapReduceGen.Engine;

/// <summary>
/// One mapper of a job, as the generator emits it (a struct per <c>[Mapper]</c>): maps one input of its input type,
/// with the run's parameters and the task's counters at hand.
/// </summary>
/// <typeparam name="TInput">The mapper's input type.</typeparam>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IMapFunction<TInput, TKey, TValue>
{
    /// <summary>Maps one input.</summary>
    /// <param name="input">The input.</param>
    /// <param name="emitter">Where the pairs go.</param>
    /// <param name="context">The run's parameters and this task's counters.</param>
    static abstract void Map(TInput input, Emitter<TKey, TValue> emitter, TaskContext context);
}
