using System.Runtime.CompilerServices;
using MapReduceGen.Engine.Keys;
using MapReduceGen.Engine.Tables;

namespace MapReduceGen.Engine.Map;

/// <summary>
/// A map task's sink for keys of any type but string, stored as themselves and hashed and compared by the generated
/// job (<typeparamref name="TKeys"/>). Generated jobs reach <see cref="Add"/> directly (see <see cref="DirectEmit"/>).
/// </summary>
/// <typeparam name="TKeys">Hashing and equality of the key (the generated job struct).</typeparam>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
/// <typeparam name="TSlot">What a key's slot holds.</typeparam>
/// <typeparam name="TSide">How a value enters a slot (the reducer shape's map side).</typeparam>
internal sealed class ObjectMapSink<TKeys, TKey, TValue, TSlot, TSide> : MapSink<TKey, TValue, TSlot>
    where TKeys : IKeyEquality<TKey>
    where TSide : IMapSide<TValue, TSlot>
{
    private readonly KeyTable<TKey, TSlot, ObjectKeyOps<TKey, TKeys>> _table = new();
    private readonly ValueLog<TValue>? _values = TSide.KeepsValues ? new ValueLog<TValue>() : null;
    private long _pairs;

    // As in Utf8MapSink: the entry whose slot a user combiner is updating, -1 when none.
    private int _combining = -1;

    public override int KeyCount => _table.Count;

    public override long Footprint => _table.Footprint + (_values?.Footprint ?? 0);

    public override void Restart()
    {
        _values?.Clear();
        _combining = -1;
    }

    public override ValueLog<TValue>? Values => _values;

    public override long TakePairCount()
    {
        long pairs = _pairs;
        _pairs = 0;
        return pairs;
    }

    public override KeyTable<TStored, TSlot, TOps> Table<TStored, TOps>() => Unsafe.As<KeyTable<TStored, TSlot, TOps>>(_table);

    public override bool TryTakeFailedCombine(out object? key)
    {
        int index = _combining;
        _combining = -1;
        key = index >= 0 ? _table.EntryAt(index).Key : null;
        return index >= 0;
    }

    public override void Emit(TKey key, TValue value) => AddCore(key, value);

    /// <summary>
    /// Adds a pair: the entry point of generated code (DirectEmit), a direct call kept out of the mapper's loop (see
    /// <see cref="Utf8MapSink{TValue, TSlot, TSide}.AddUtf8"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public void Add(TKey key, TValue value) => AddCore(key, value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void AddCore(TKey key, TValue value)
    {
        if (key is null)
        {
            ThrowNullKey();
        }

        ref TSlot slot = ref _table.GetSlot(
            new ObjectProbe<TKey, ObjectKeyOps<TKey, TKeys>>(key, default), TKeys.GetKeyHash(key), out bool added, out int index);
        if (TSide.KeepsValues)
        {
            _values!.Add(index, value);
        }

        if (added)
        {
            _combining = -1;
            TSide.First(ref slot, value);
        }
        else if (TSide.NextRunsUserCode)
        {
            _combining = index;
            TSide.Add(ref slot, value);
            _combining = -1;
        }
        else
        {
            TSide.Add(ref slot, value);
        }

        _pairs++;
    }

    private static void ThrowNullKey() =>
        throw new ArgumentNullException("key", "A mapper emitted a null key; keys must not be null.");
}
