namespace MapReduceGen.Engine.Inputs;

/// <summary>Chunks of a list claimed with one interlocked add each, copied into the worker's buffer.</summary>
internal sealed class ListChunkSource<TInput>(IReadOnlyList<TInput> inputs, int chunkSize) : InputChunkSource<TInput>
{
    private readonly int _count = inputs.Count;
    private long _next;

    public override long? Count => _count;

    public override bool TryTake(ref TInput[]? buffer, out InputChunk<TInput> chunk)
    {
        long start = Interlocked.Add(ref _next, chunkSize) - chunkSize;
        if (start >= _count)
        {
            chunk = default;
            return false;
        }

        int length = (int)Math.Min(chunkSize, _count - start);
        if (buffer is null || buffer.Length < length)
        {
            buffer = new TInput[length];
        }

        int i = 0;
        try
        {
            for (; i < length; i++)
            {
                buffer[i] = inputs[(int)start + i];
            }
        }
        catch (Exception ex)
        {
            // A custom list's indexer threw: report it as a failure of the inputs, with the index being read.
            throw new InputSourceFailure(start + i, ex);
        }

        chunk = new InputChunk<TInput>(buffer, 0, length, start);
        return true;
    }
}
