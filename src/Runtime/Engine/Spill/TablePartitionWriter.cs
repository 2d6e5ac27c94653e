using System.Runtime.CompilerServices;
using MapReduceGen.Engine.Keys;
using MapReduceGen.Engine.Reduce;
using MapReduceGen.Engine.Tables;

namespace MapReduceGen.Engine.Spill;

/// <summary>
/// Keeps a merged partition's output in memory as the local runner's result keeps a partition: a table of its keys (string
/// keys copied out of the merge's chunks) with their results, or its records. Used when <c>Run</c> returns the output
/// whole, so the output must fit: past the memory budget it stops with an error that says to stream it instead.
/// </summary>
internal sealed class TablePartitionWriter<TStored, TSlot, TOps, TResult>(TOps ops, bool writesRecords, long memoryBudget, string jobName)
    : IPartitionWriter<TStored, TResult>
    where TOps : struct, IKeyOps<TStored>
{
    private readonly KeyTable<TStored, TSlot, TOps> _keys = new(ops);
    private readonly List<TResult> _results = [];
    private readonly List<TResult>? _records = writesRecords ? [] : null;
    private readonly Utf8Arena _arena = new();
    private int _recordKeys;

    public void Write(in TStored key, int stableHash, TResult result)
    {
        _keys.AddUnique(Own(key), stableHash);
        _results.Add(result);
        if ((_results.Count & 0xFFF) == 0)
        {
            CheckBudget();
        }
    }

    public void WriteRecords(List<TResult> records)
    {
        _records!.AddRange(records);
        _recordKeys++;
        if ((_records.Count & 0xFFF) == 0)
        {
            CheckBudget();
        }
    }

    public PartitionResult<TStored, TSlot, TOps, TResult> Complete() =>
        _records is null
            ? new(_keys, [.. _results])
            : new(_keys, null, records: _records) { KeyCount = _recordKeys };

    private TStored Own(in TStored key)
    {
        if (typeof(TStored) != typeof(Utf8Key))
        {
            return key;
        }

        Utf8Key utf8 = Unsafe.As<TStored, Utf8Key>(ref Unsafe.AsRef(in key));
        Utf8Key owned = _arena.Store(utf8.Span, utf8.Prefix);
        return Unsafe.As<Utf8Key, TStored>(ref owned);
    }

    private void CheckBudget()
    {
        long bytes = _keys.Footprint + _arena.Footprint + ((long)(_results.Count + (_records?.Count ?? 0)) * Unsafe.SizeOf<TResult>());
        if (bytes > memoryBudget)
        {
            throw MapReduceException.ForMemory(jobName, MapReducePhase.Reduce, null, new InsufficientMemoryException(
                $"The run's output does not fit in memory ({memoryBudget:N0} bytes), and Run returns it whole. " +
                "Stream it (StreamAsync) or write it to files (RunToFilesAsync), which hold one part of a partition at a time, or raise MapReduceOptions.MemoryBudget."));
        }
    }
}
