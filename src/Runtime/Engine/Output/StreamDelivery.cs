using System.Runtime.CompilerServices;
using System.Threading.Channels;
using MapReduceGen.Engine.Keys;
using MapReduceGen.Engine.Reduce;

namespace MapReduceGen.Engine.Output;

/// <summary>
/// Hands a run's output to the caller part by part (<c>StreamAsync</c>): partitions in index order, each in parts of at
/// most <see cref="PartSize"/> keys or records in its output order, the last part of each marked (a partition without
/// keys is one empty last part). A partition's parts wait in a small bounded queue, so reduce workers stop when the
/// caller falls behind: the run holds a few parts per worker, never the whole output.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TResult">The result or record type.</typeparam>
/// <typeparam name="TPart">What the caller receives: a <see cref="MapReducePartition{TKey, TResult}"/> or a <see cref="MapReduceRecordPartition{TRecord}"/>.</typeparam>
internal sealed class StreamDelivery<TKey, TResult, TPart>(
    Func<int, int, IReadOnlyList<KeyValuePair<TKey, TResult>>, IReadOnlyList<TResult>, bool, TPart> makePart, CancellationToken stop)
    : PartitionDelivery<TKey, TResult>
{
    /// <summary>Keys (or records) in one part.</summary>
    public const int PartSize = 8192;

    private readonly TaskCompletionSource<Channel<TPart>[]> _begun = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Func<int, int, IReadOnlyList<KeyValuePair<TKey, TResult>>, IReadOnlyList<TResult>, bool, TPart> _makePart = makePart;
    private readonly CancellationToken _stop = stop;
    private Channel<TPart>[] _partitions = [];

    public override bool Blocks => true;

    public override void Begin(int partitions)
    {
        _partitions = [.. Enumerable.Range(0, partitions).Select(_ =>
            Channel.CreateBounded<TPart>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true }))];
        _begun.TrySetResult(_partitions);
    }

    public override PartitionOutput<TStored, TResult> Open<TStored>(int partition) => new Output<TStored>(this, partition);

    public override void Fail(Exception failure)
    {
        _begun.TrySetException(failure);
        foreach (Channel<TPart> channel in _partitions)
        {
            channel.Writer.TryComplete(failure);
        }
    }

    /// <summary>Every part, partitions in order; throws what the run threw.</summary>
    public async IAsyncEnumerable<TPart> ReadAllAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (Channel<TPart> channel in await _begun.Task.WaitAsync(cancellationToken).ConfigureAwait(false))
        {
            await foreach (TPart part in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return part;
            }
        }
    }

    private void Push(int partition, TPart part)
    {
        ChannelWriter<TPart> writer = _partitions[partition].Writer;
        if (!writer.TryWrite(part))
        {
            // Reduce workers run on threads of their own when output is streamed: waiting here blocks no pool thread.
            writer.WriteAsync(part, _stop).AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>
    /// One partition's parts: a full part goes out when the next key arrives, so the last part is always known. String keys
    /// stay the UTF-8 the run stores, copied side by side into the part (<see cref="Utf8PartEntries{TResult}"/>): a string
    /// is made only if the caller reads one.
    /// </summary>
    private sealed class Output<TStored>(StreamDelivery<TKey, TResult, TPart> delivery, int partition) : PartitionOutput<TStored, TResult>
    {
        private static readonly bool s_utf8 = typeof(TStored) == typeof(Utf8Key) && typeof(TKey) == typeof(string);
        private List<KeyValuePair<TKey, TResult>> _entries = s_utf8 ? [] : new(PartSize);
        private List<TResult> _records = [];
        private byte[] _keyBytes = s_utf8 ? new byte[PartSize * 8] : [];
        private int[] _starts = s_utf8 ? new int[PartSize + 1] : [];
        private TResult[] _results = s_utf8 ? new TResult[PartSize] : [];
        private int _count;

        public override void Write(in TStored key, int stableHash, TResult result)
        {
            if (s_utf8)
            {
                WriteUtf8(Unsafe.As<TStored, Utf8Key>(ref Unsafe.AsRef(in key)).Span, result);
                return;
            }

            if (_entries.Count == PartSize)
            {
                delivery.Push(partition, delivery._makePart(partition, delivery._partitions.Length, _entries, _records, false));
                _entries = new(PartSize);
            }

            _entries.Add(new(StoredKeys.ToKey<TKey, TStored>(key), result));
        }

        public override void WriteRecords(List<TResult> records)
        {
            foreach (TResult record in records)
            {
                if (_records.Count == PartSize)
                {
                    delivery.Push(partition, delivery._makePart(partition, delivery._partitions.Length, _entries, _records, false));
                    _records = [];
                }

                _records.Add(record);
            }
        }

        public override void Complete(long keys)
        {
            delivery.Push(partition, delivery._makePart(partition, delivery._partitions.Length, s_utf8 ? (IReadOnlyList<KeyValuePair<TKey, TResult>>)(object)TakeUtf8() : _entries, _records, true));
            delivery._partitions[partition].Writer.TryComplete();
        }

        private void WriteUtf8(ReadOnlySpan<byte> key, TResult result)
        {
            if (_count == PartSize)
            {
                delivery.Push(partition, delivery._makePart(partition, delivery._partitions.Length, (IReadOnlyList<KeyValuePair<TKey, TResult>>)(object)TakeUtf8(), _records, false));
            }

            int start = _starts[_count];
            if (start + key.Length > _keyBytes.Length)
            {
                Array.Resize(ref _keyBytes, Math.Max(_keyBytes.Length * 2, start + key.Length));
            }

            key.CopyTo(_keyBytes.AsSpan(start));
            _results[_count] = result;
            _starts[++_count] = start + key.Length;
        }

        // The part's entries, handed over with their arrays; the next part gets new ones.
        private Utf8PartEntries<TResult> TakeUtf8()
        {
            var entries = new Utf8PartEntries<TResult>(_keyBytes, _starts, _results, _count);
            // The next part's keys are about as long as this part's: a little more room, so most parts need no growth.
            _keyBytes = new byte[Math.Max(1024, _starts[_count] + (_starts[_count] / 8))];
            _starts = new int[PartSize + 1];
            _results = new TResult[PartSize];
            _count = 0;
            return entries;
        }
    }
}
