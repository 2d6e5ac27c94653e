using System.ComponentModel;
using MapReduceGen.Engine.Definitions;

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

    /// <summary>Calls <paramref name="visitor"/> with this mapper's types (for executors that need them, such as a silo's map task).</summary>
    internal abstract TResult Accept<TResult>(IJobMapperVisitor<TKey, TValue, TResult> visitor);

    /// <summary>Maps a few inputs on the calling thread, collecting the keys (a total order's split points on a cluster).</summary>
    internal abstract void SampleKeys(JobInput input, int wanted, TaskContext context, List<TKey> keys);
}
