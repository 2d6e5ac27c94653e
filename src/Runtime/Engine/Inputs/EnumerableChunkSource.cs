namespace MapReduceGen.Engine.Inputs;

/// <summary>
/// Chunks of a sequence of unknown length: workers take turns (under a lock) to copy the next chunk into their
/// own buffer, as the seed's <c>Pool.map</c> hands out <c>chunksize</c> inputs at a time.
/// </summary>
internal sealed class EnumerableChunkSource<TInput>(IEnumerable<TInput> inputs, int chunkSize) : InputChunkSource<TInput>
{
    private readonly object _gate = new();
    private IEnumerator<TInput>? _enumerator;
    private bool _exhausted;
    private long _next;

    public override long? Count => null;

    public override bool TryTake(ref TInput[]? buffer, out InputChunk<TInput> chunk)
    {
        buffer ??= new TInput[chunkSize];
        lock (_gate)
        {
            long firstIndex = _next;
            if (_exhausted)
            {
                chunk = default;
                return false;
            }

            int length = 0;
            try
            {
                // Inside the try: a sequence may throw from GetEnumerator (an eager argument check, a failed open).
                _enumerator ??= inputs.GetEnumerator();
                while (length < chunkSize && _enumerator.MoveNext())
                {
                    buffer[length++] = _enumerator.Current;
                    _next++;
                }
            }
            catch (Exception ex)
            {
                _exhausted = true;
                throw new InputSourceFailure(_next, ex);
            }

            if (length < chunkSize)
            {
                _exhausted = true;
            }

            chunk = new InputChunk<TInput>(buffer, 0, length, firstIndex);
            return length > 0;
        }
    }

    public override void Dispose()
    {
        lock (_gate)
        {
            _exhausted = true;
            _enumerator?.Dispose();
            _enumerator = null;
        }

        base.Dispose();
    }
}
