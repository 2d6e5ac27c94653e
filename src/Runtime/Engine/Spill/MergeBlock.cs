using System.Runtime.CompilerServices;
using MapReduceGen.Engine.Keys;
using MapReduceGen.Engine.Reduce;
using MapReduceGen.Engine.Tables;

namespace MapReduceGen.Engine.Spill;

/// <summary>
/// The rows of a k-way merge that are equal in the merge order (usually one key from a few sources), their values, and
/// the keys among them: rows of one key are grouped by equality, in source order, so a key's slots and values come in
/// run order. Arrays are reused from block to block.
/// </summary>
internal sealed class MergeBlock<TStored, TSlot, TValue>(long memoryBudget)
{
    // Up to this many rows are grouped by comparing them with each group; beyond, through a table (keys built to share a
    // hash make large blocks, and the table switches to a keyed hash when flooded).
    private const int LinearGroupingRows = 16;

    private Entry<TStored, TSlot>[] _rows = new Entry<TStored, TSlot>[4];
    private int[] _valueStarts = new int[5];
    private TValue[] _values = [];
    private int[] _groupOf = new int[4];
    private int[] _groupFirst = new int[4];
    private int _count;
    private int _valueCount;
    private int _groups;
    private TSlot[] _slots = new TSlot[4];
    private TValue[] _gathered = [];

    public long MemoryBudget => memoryBudget;

    public ref readonly Entry<TStored, TSlot> First => ref _rows[0];

    public void Clear()
    {
        _count = 0;
        _valueCount = 0;
        _groups = 0;
    }

    public void Add(in Entry<TStored, TSlot> row, ReadOnlySpan<TValue> values)
    {
        if (_count == _rows.Length)
        {
            Array.Resize(ref _rows, _count * 2);
            Array.Resize(ref _valueStarts, (_count * 2) + 1);
            Array.Resize(ref _groupOf, _count * 2);
            Array.Resize(ref _groupFirst, _count * 2);
        }

        _rows[_count] = row;
        if (!values.IsEmpty)
        {
            if ((long)(_valueCount + values.Length) * Unsafe.SizeOf<TValue>() > memoryBudget)
            {
                throw new InsufficientMemoryException(TooManyValues(memoryBudget));
            }

            if (_values.Length - _valueCount < values.Length)
            {
                Array.Resize(ref _values, Math.Max(_values.Length * 2, _valueCount + values.Length));
            }

            values.CopyTo(_values.AsSpan(_valueCount));
            _valueCount += values.Length;
        }

        _valueStarts[_count + 1] = _valueCount;
        _count++;
    }

    /// <summary>Groups the rows by key; returns the number of keys.</summary>
    public int Group<TOps>(TOps ops)
        where TOps : struct, IKeyOps<TStored>
    {
        if (_count <= LinearGroupingRows)
        {
            for (int i = 0; i < _count; i++)
            {
                int group = 0;
                while (group < _groups && !ops.Equal(_rows[_groupFirst[group]].Key, _rows[i].Key))
                {
                    group++;
                }

                if (group == _groups)
                {
                    _groupFirst[_groups++] = i;
                }

                _groupOf[i] = group;
            }

            return _groups;
        }

        var table = new KeyTable<TStored, int, TOps>(ops, _count);
        for (int i = 0; i < _count; i++)
        {
            ref int slot = ref table.GetSlot(new ObjectProbe<TStored, TOps>(_rows[i].Key, ops), _rows[i].Hash, out bool added, out _);
            if (added)
            {
                slot = _groups;
                _groupFirst[_groups++] = i;
            }

            _groupOf[i] = slot;
        }

        return _groups;
    }

    public ref readonly Entry<TStored, TSlot> FirstOf(int group) => ref _rows[_groupFirst[group]];

    /// <summary>The failure of a key whose values do not fit in the memory budget: it names the key and the budget.</summary>
    public static KeyFailure TooManyValuesFor(object? key, long memoryBudget) =>
        new(key, new InsufficientMemoryException(TooManyValues(memoryBudget)), "the run's memory budget is too small") { Phase = MapReducePhase.Reduce };

    /// <summary>The message for a key whose values do not fit in the memory budget.</summary>
    public static string TooManyValues(long memoryBudget) =>
        $"The values of this key take more than the run's memory budget ({memoryBudget:N0} bytes): a key's values must fit in memory. " +
        "Raise MapReduceOptions.MemoryBudget, or combine the values map-side with a [Combiner].";

    /// <summary>The slots and values of one key, in source order; false when its values would exceed the memory budget.</summary>
    public bool TryGather(int group, out Span<TSlot> slots, out Span<TValue> values)
    {
        int slotCount = 0;
        int valueCount = 0;
        for (int i = _groupFirst[group]; i < _count; i++)
        {
            if (_groupOf[i] == group)
            {
                slotCount++;
                valueCount += _valueStarts[i + 1] - _valueStarts[i];
            }
        }

        if ((long)valueCount * Unsafe.SizeOf<TValue>() > memoryBudget)
        {
            slots = default;
            values = default;
            return false;
        }

        if (_slots.Length < slotCount)
        {
            _slots = new TSlot[Math.Max(slotCount, _slots.Length * 2)];
        }

        if (_gathered.Length < valueCount)
        {
            _gathered = new TValue[Math.Max(valueCount, _gathered.Length * 2)];
        }

        int s = 0;
        int v = 0;
        for (int i = _groupFirst[group]; i < _count; i++)
        {
            if (_groupOf[i] == group)
            {
                _slots[s++] = _rows[i].Slot;
                ReadOnlySpan<TValue> own = _values.AsSpan(_valueStarts[i], _valueStarts[i + 1] - _valueStarts[i]);
                own.CopyTo(_gathered.AsSpan(v));
                v += own.Length;
            }
        }

        slots = _slots.AsSpan(0, s);
        values = _gathered.AsSpan(0, v);
        return true;
    }
}
