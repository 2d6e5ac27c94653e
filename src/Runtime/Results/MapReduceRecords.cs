using System.Collections;

namespace MapReduceGen;

/// <summary>
/// The output of a job whose reducer writes records (<see cref="RecordOutput{TRecord}"/>): every record, partition by
/// partition (each partition's records in the order its keys were reduced: key order when the job sorts by key), or in
/// the job's <c>[OutputComparer]</c> order when it has one; plus the run's <see cref="Statistics"/>. Records are kept in
/// the reduce tasks' own buffers, not copied into one list (except to merge an output order).
/// </summary>
/// <typeparam name="TRecord">The record type.</typeparam>
[System.Diagnostics.CodeAnalysis.SuppressMessage(
    "Naming", "CA1710:Identifiers should have correct suffix", Justification = "Named like MapReduceResult: the output of a run.")]
public sealed class MapReduceRecords<TRecord> : IReadOnlyList<TRecord>
{
    private readonly IReadOnlyList<TRecord>[] _partitions;
    private readonly int[] _starts;
    private readonly TRecord[]? _ordered;

    internal MapReduceRecords(IReadOnlyList<TRecord>[] partitions, TRecord[]? ordered, MapReduceStatistics statistics)
    {
        _partitions = partitions;
        _ordered = ordered;
        Statistics = statistics;
        _starts = new int[partitions.Length + 1];
        for (int p = 0; p < partitions.Length; p++)
        {
            _starts[p + 1] = checked(_starts[p] + partitions[p].Count);
        }
    }

    /// <summary>What the run did and how long each phase took.</summary>
    public MapReduceStatistics Statistics { get; }

    /// <summary>The number of records.</summary>
    public int Count => _starts[^1];

    /// <summary>The number of partitions (see <see cref="MapReduceResult{TKey, TResult}.PartitionCount"/>).</summary>
    public int PartitionCount => _partitions.Length;

    /// <summary>The record at <paramref name="index"/>.</summary>
    /// <param name="index">The index, in <c>[0, Count)</c>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is out of range.</exception>
    public TRecord this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            if (_ordered is { } ordered)
            {
                return ordered[index];
            }

            // The last partition that starts at or before the index (an empty partition starts where the next one does).
            int partition = 0;
            int high = _partitions.Length - 1;
            while (partition < high)
            {
                int middle = (partition + high + 1) >>> 1;
                if (_starts[middle] <= index)
                {
                    partition = middle;
                }
                else
                {
                    high = middle - 1;
                }
            }

            return _partitions[partition][index - _starts[partition]];
        }
    }

    /// <summary>The records of one partition, in the order they were written (sorted when the job sorts its output).</summary>
    /// <param name="partition">The partition, in <c>[0, PartitionCount)</c>.</param>
    /// <returns>The partition's records.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="partition"/> is out of range.</exception>
    public IReadOnlyList<TRecord> Partition(int partition)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(partition);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(partition, _partitions.Length);
        return _partitions[partition];
    }

    /// <summary>Enumerates the records without allocating.</summary>
    /// <returns>The enumerator.</returns>
    public Enumerator GetEnumerator() => new(this);

    IEnumerator<TRecord> IEnumerable<TRecord>.GetEnumerator() => new Boxed(this);

    IEnumerator IEnumerable.GetEnumerator() => new Boxed(this);

    /// <summary>Enumerates the records in order.</summary>
    public struct Enumerator
    {
        private readonly MapReduceRecords<TRecord> _records;
        private int _partition;
        private int _index;
        private TRecord _current;

        internal Enumerator(MapReduceRecords<TRecord> records)
        {
            _records = records;
            _partition = 0;
            _index = -1;
            _current = default!;
        }

        /// <summary>The current record.</summary>
        public readonly TRecord Current => _current;

        /// <summary>Moves to the next record.</summary>
        /// <returns><see langword="false"/> at the end.</returns>
        public bool MoveNext()
        {
            if (_records._ordered is { } ordered)
            {
                if (++_index < ordered.Length)
                {
                    _current = ordered[_index];
                    return true;
                }

                return false;
            }

            IReadOnlyList<TRecord>[] partitions = _records._partitions;
            while (_partition < partitions.Length)
            {
                if (++_index < partitions[_partition].Count)
                {
                    _current = partitions[_partition][_index];
                    return true;
                }

                _partition++;
                _index = -1;
            }

            return false;
        }
    }

    private sealed class Boxed(MapReduceRecords<TRecord> records) : IEnumerator<TRecord>
    {
        private Enumerator _inner = new(records);

        public TRecord Current => _inner.Current;

        object? IEnumerator.Current => Current;

        public bool MoveNext() => _inner.MoveNext();

        public void Reset() => _inner = new Enumerator(records);

        public void Dispose()
        {
        }
    }
}
