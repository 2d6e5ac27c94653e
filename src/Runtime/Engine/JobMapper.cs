using System.ComponentModel;
using MapReduceGen.Engine.Definitions;
using MapReduceGen.Engine.Map;

namespace MapReduceGen.Engine;

/// <summary>
/// One mapper of a job, with the input type it maps (made by <see cref="JobMappers.Of{TMapper, TInput, TKey, TValue}"/>):
/// a job with several inputs has one per input, in order, all emitting the same key and value types.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class JobMapper<TKey, TValue>
{
    private protected JobMapper(string inputName)
    {
        ArgumentNullException.ThrowIfNull(inputName);
        InputName = inputName;
    }

    /// <summary>The input's name (the generated <c>Run</c>'s parameter for it), used in errors of a job with several inputs.</summary>
    internal string InputName { get; }

    /// <summary>The type of the inputs this mapper takes.</summary>
    internal abstract Type InputType { get; }

    /// <summary>Opens an input of this mapper's type for a local run.</summary>
    /// <exception cref="ArgumentException">The input is of another type.</exception>
    internal abstract MapRun<TKey, TValue> Open(JobInput input, MapReduceOptions options);

    /// <summary>Maps a few inputs on the calling thread, collecting the keys (a total order's split points on a cluster).</summary>
    internal abstract void SampleKeys(JobInput input, int wanted, TaskContext context, List<TKey> keys);

    /// <summary>The input, read into a list when it is a sequence that can be read only once (so it can be sampled, then read).</summary>
    internal abstract JobInput Materialize(JobInput input, string jobName);

    /// <summary>Cuts the input into map tasks (see <see cref="JobDefinition{TKey, TValue, TOutput}.SplitInput"/>).</summary>
    internal abstract IEnumerable<MapTaskInput> Split(
        int inputIndex, JobInput input, long splitBytes, int batchSize, IPayloadCodec codec, string jobName);

    /// <summary>
    /// Maps one map task's input into <paramref name="sink"/> (failures of user code go to <paramref name="state"/>);
    /// returns why the task cannot run at all, or <see langword="null"/>.
    /// </summary>
    internal abstract TaskFailure? MapTask<TJob, TSlot, TSide>(
        MapTaskInput input, MapSink<TKey, TValue, TSlot> sink, RunState state, TaskContext context, IPayloadCodec codec, Spill.IMapSpill? spill)
        where TJob : struct, IKeyedJob<TKey>
        where TSide : IMapSide<TValue, TSlot>;
}
