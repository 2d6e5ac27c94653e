using System.ComponentModel;
using MapReduceGen.Engine.Inputs;

namespace MapReduceGen.Engine;

/// <summary>
/// A job's input, as generated <c>Run</c> members hand it to <see cref="MapReduceEngine"/>: in-memory or asynchronous
/// sequences, the lines of text files, or UTF-8 blocks of lines for a job's <see cref="IUtf8TextMapper{TKey, TValue}"/>.
/// Every executor maps every kind of input the same way.
/// </summary>
/// <typeparam name="TInput">The mapper's input type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class JobInput<TInput>
{
    internal JobInput(Func<MapReduceOptions, MapInput<TInput>> open, bool isAsync)
    {
        Open = open;
        IsAsync = isAsync;
    }

    internal Func<MapReduceOptions, MapInput<TInput>> Open { get; }

    /// <summary>Whether the input arrives asynchronously (the run then never blocks a thread waiting for it).</summary>
    internal bool IsAsync { get; }
}
