namespace MapReduceGen.Engine.Inputs;

/// <summary>Hands chunks of inputs to workers; safe to call from several workers at once.</summary>
internal abstract class InputChunkSource<TInput> : IDisposable
{
    /// <summary>The number of inputs when known up front, else <see langword="null"/>.</summary>
    public abstract long? Count { get; }

    /// <summary>Takes the next chunk; false when the inputs are exhausted.</summary>
    /// <param name="buffer">The worker's own buffer, grown as needed (sources backed by arrays do not use it).</param>
    /// <param name="chunk">The inputs taken.</param>
    public abstract bool TryTake(ref TInput[]? buffer, out InputChunk<TInput> chunk);

    public virtual void Dispose()
    {
    }

    public static InputChunkSource<TInput> Create(IEnumerable<TInput> inputs, int chunkSize, int workers)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        switch (inputs)
        {
            case TInput[] array:
                return new ArrayChunkSource<TInput>(array, ChooseChunkSize(chunkSize, array.Length, workers));
            case IReadOnlyList<TInput> readOnlyList:
                return new ListChunkSource<TInput>(readOnlyList, ChooseChunkSize(chunkSize, readOnlyList.Count, workers));
            case IList<TInput> list:
                return new ListChunkSource<TInput>(new ListAdapter<TInput>(list), ChooseChunkSize(chunkSize, list.Count, workers));
            default:
                return new EnumerableChunkSource<TInput>(inputs, chunkSize > 0 ? chunkSize : 256);
        }
    }

    /// <summary>The configured chunk size, or one that gives every worker several chunks (at most 1024).</summary>
    public static int ChooseChunkSize(int configured, long count, int workers)
    {
        if (configured > 0)
        {
            return configured;
        }

        long perWorker = count / Math.Max(1, workers * 8);
        return (int)Math.Clamp(perWorker, 1, 1024);
    }
}
