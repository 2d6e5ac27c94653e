namespace MapReduceGen;

/// <summary>
/// The bad records a run skipped (<see cref="MapReduceOptions.MaxBadRecords"/>): the first
/// <see cref="MapReduceStatistics.SkippedRecordsKept"/> in detail and an exact count of all of them, so that a run
/// skipping millions of records holds a bounded number of exceptions. Thread-safe.
/// </summary>
internal sealed class SkippedRecordLog
{
    private readonly Lock _gate = new();
    private readonly List<SkippedRecord> _kept = [];
    private readonly int _keep;
    private long _count;

    /// <summary>Creates a log that keeps the first <paramref name="keep"/> records in detail.</summary>
    public SkippedRecordLog(int keep = MapReduceStatistics.SkippedRecordsKept)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(keep);
        _keep = keep;
    }

    /// <summary>How many records were skipped.</summary>
    public long Count
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    /// <summary>Counts <paramref name="record"/> as skipped if fewer than <paramref name="limit"/> were.</summary>
    /// <returns><see langword="false"/> when the limit is reached: the record is not skipped.</returns>
    public bool TryAdd(SkippedRecord record, long limit)
    {
        lock (_gate)
        {
            if (_count >= limit)
            {
                return false;
            }

            _count++;
            if (_kept.Count < _keep)
            {
                _kept.Add(record);
            }

            return true;
        }
    }

    /// <summary>The kept records with the exact count, for <see cref="MapReduceStatistics.SkippedRecords"/>.</summary>
    public IReadOnlyList<SkippedRecord> Snapshot()
    {
        lock (_gate)
        {
            return new SkippedRecordList([.. _kept], _count);
        }
    }
}

/// <summary>The kept skipped records, carrying the count of all of them to <see cref="MapReduceStatistics.BadRecordsSkipped"/>.</summary>
internal sealed class SkippedRecordList(SkippedRecord[] records, long totalCount) : IReadOnlyList<SkippedRecord>
{
    public long TotalCount => totalCount;

    public int Count => records.Length;

    public SkippedRecord this[int index] => records[index];

    public IEnumerator<SkippedRecord> GetEnumerator() => ((IEnumerable<SkippedRecord>)records).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
