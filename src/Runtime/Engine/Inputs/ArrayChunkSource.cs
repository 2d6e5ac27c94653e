namespace MapReduceGen.Engine.Inputs;

/// <summary>Chunks of an array claimed with one interlocked add each: no lock, no copy.</summary>
internal sealed class ArrayChunkSource<TInput>(TInput[] inputs, int chunkSize) : InputChunkSource<TInput>
{
    private long _next;

    public override long? Count => inputs.Length;

    public override bool TryTake(ref TInput[]? buffer, out InputChunk<TInput> chunk)
    {
        long start = Interlocked.Add(ref _next, chunkSize) - chunkSize;
        if (start >= inputs.Length)
        {
            chunk = default;
            return false;
        }

        int length = (int)Math.Min(chunkSize, inputs.Length - start);
        chunk = new InputChunk<TInput>(inputs, (int)start, length, start);
        return true;
    }
}
