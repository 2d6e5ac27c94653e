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
public sealed class JobInput<TInput> : JobInput
{
    internal JobInput(Func<MapReduceOptions, MapInput<TInput>> open, bool isAsync, IEnumerable<TInput>? sequence = null, TextSource? source = null)
    {
        Open = open;
        IsAsync = isAsync;
        Sequence = sequence;
        Source = source;
    }

    internal Func<MapReduceOptions, MapInput<TInput>> Open { get; }

    /// <inheritdoc/>
    public override bool IsAsync { get; }

    /// <summary>The sequence of an in-memory input (what a cluster ships to its silos in batches), else <see langword="null"/>.</summary>
    internal IEnumerable<TInput>? Sequence { get; }

    /// <summary>The files of a line input (read by the silos themselves on a cluster), else <see langword="null"/>.</summary>
    internal TextSource? Source { get; }

    /// <inheritdoc/>
    public override Type InputType => typeof(TInput);

    /// <inheritdoc/>
    public override bool IsText => Source is not null;

    /// <inheritdoc/>
    public override long? Count => Sequence is not null && Sequence.TryGetNonEnumeratedCount(out int count) ? count : null;

    /// <inheritdoc/>
    public override long? TotalBytes => Source is { Stream: null } source ? source.TotalBytes : null;
}
