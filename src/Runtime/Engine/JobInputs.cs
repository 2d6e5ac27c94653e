using System.ComponentModel;
using MapReduceGen.Engine.Inputs;

namespace MapReduceGen.Engine;

/// <summary>Makes <see cref="JobInput{TInput}"/> values for generated code and other executors.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JobInputs
{
    /// <summary>Inputs from a sequence or collection, handed to workers in chunks of <c>ChunkSize</c>.</summary>
    /// <param name="inputs">The inputs; enumerated once.</param>
    public static JobInput<TInput> Sequence<TInput>(IEnumerable<TInput> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return new(options => new SequenceMapInput<TInput>(inputs, options), isAsync: false, sequence: inputs);
    }

    /// <summary>Inputs from an asynchronous sequence, awaited into a bounded channel.</summary>
    /// <param name="inputs">The inputs; enumerated once.</param>
    public static JobInput<TInput> AsyncSequence<TInput>(IAsyncEnumerable<TInput> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return new(options => new AsyncSequenceMapInput<TInput>(inputs, options), isAsync: true);
    }

    /// <summary>The lines of text files (or a stream), split at line boundaries and read by every worker.</summary>
    /// <param name="source">The files.</param>
    public static JobInput<string> Lines(TextSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new(options => new TextMapInput<string>(source, options), isAsync: false, source: source);
    }

    /// <summary>
    /// The lines of text files as raw UTF-8 blocks of whole lines, mapped by <typeparamref name="TMapper"/> (no line is
    /// decoded or allocated). Bad records cannot be skipped on this input (a block holds many lines).
    /// </summary>
    /// <param name="source">The files.</param>
    public static JobInput<string> Utf8Lines<TMapper, TKey, TValue>(TextSource source)
        where TMapper : IUtf8TextMapper<TKey, TValue>
    {
        ArgumentNullException.ThrowIfNull(source);
        return new(
            options =>
            {
                ThrowIfSkippingBadRecords(options);
                return new TextMapInput<string>(
                    source,
                    options,
                    static (worker, reader) => ((IUtf8BlockMapper<TKey, TValue>)worker).MapUtf8Lines<TMapper, TextSplitReader>(reader));
            },
            isAsync: false);
    }

    /// <summary>
    /// The lines of a stream (standard input, a pipe) as raw UTF-8 blocks: workers take turns copying the next block out
    /// of the stream and map their blocks in parallel. The stream is read to its end and not disposed.
    /// </summary>
    /// <param name="stream">A readable stream of UTF-8 text (a leading byte order mark is skipped).</param>
    /// <param name="name">The stream's name in messages.</param>
    public static JobInput<string> Utf8Stream<TMapper, TKey, TValue>(Stream stream, string name = "-")
        where TMapper : IUtf8TextMapper<TKey, TValue>
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(name);
        return new(
            options =>
            {
                ThrowIfSkippingBadRecords(options);
                return new Utf8StreamMapInput<string>(
                    stream,
                    name,
                    static (worker, blocks) => ((IUtf8BlockMapper<TKey, TValue>)worker).MapUtf8Lines<TMapper, IUtf8LineBlocks>(blocks));
            },
            isAsync: false);
    }

    private static void ThrowIfSkippingBadRecords(MapReduceOptions options)
    {
        if (options.MaxBadRecords > 0)
        {
            throw new NotSupportedException(
                "MaxBadRecords cannot be used with a UTF-8 block mapper (RunUtf8): a block holds many lines, so one bad " +
                "line cannot be skipped alone. Run the job's line mapper (Run with a TextSource) to skip bad records.");
        }
    }
}
