using System.Buffers;
using System.Runtime.CompilerServices;
using MapReduceGen.Engine.Keys;
using MapReduceGen.Engine.Tables;

namespace MapReduceGen.Engine.Map;

/// <summary>
/// A map task's sink for string keys, stored as UTF-8 (<see cref="Utf8Key"/>): a key given as UTF-8 is looked up as
/// it is (well-formedness is checked only when the key is new), a key given as characters is narrowed (ASCII) or
/// encoded, and only a key new to this task copies its bytes, into the task's <see cref="Utf8Arena"/>.
/// </summary>
/// <remarks>
/// Generated jobs reach <see cref="AddString"/>, <see cref="AddChars"/> and <see cref="AddUtf8"/> directly (see
/// <see cref="DirectEmit"/>): the class is sealed and not generic over the key, so such a call is a direct call into
/// code compiled for the exact job, and it inlines. Every other caller comes through the
/// <see cref="EmitterSink{TKey, TValue}"/> overrides.
/// </remarks>
/// <typeparam name="TValue">The value type.</typeparam>
/// <typeparam name="TSlot">What a key's slot holds.</typeparam>
/// <typeparam name="TSide">How a value enters a slot (the reducer shape's map side, which names the job when it calls it).</typeparam>
internal sealed class Utf8MapSink<TValue, TSlot, TSide> : MapSink<string, TValue, TSlot>
    where TSide : IMapSide<TValue, TSlot>
{
    private readonly KeyTable<Utf8Key, TSlot, Utf8KeyOps> _table = new();
    private Utf8Arena _arena = new();
    private readonly ValueLog<TValue>? _values = TSide.KeepsValues ? new ValueLog<TValue>() : null;
    private long _pairs;

    // The UTF-8 form of a key given as characters, or of an ill-formed UTF-8 key with replacements.
    private byte[] _scratch = new byte[256];

    // The entry whose slot a user combiner is updating, -1 when none: set before the call and cleared after it, so when
    // an exception leaves the call, TryTakeFailedCombine names the key (no exception handler on the hot path).
    private int _combining = -1;

    // Short UTF-8 keys take the table's short-key lookup: only while no surrogate is stored and the table is not keyed.
    private bool _fastShortKeys = true;

    // Whether a key given as characters held a lone surrogate (stored as WTF-8, which is ill-formed UTF-8): from then
    // on, UTF-8 keys are checked before they are looked up, so raw bytes can never match such a key.
    private bool _storesSurrogates;

    public override int KeyCount => _table.Count;

    public override long Footprint => _table.Footprint + _arena.Footprint + (_values?.Footprint ?? 0);

    public override void Restart()
    {
        _arena = new Utf8Arena();
        _values?.Clear();
        _fastShortKeys = !_storesSurrogates;
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
        key = index >= 0 ? _table.EntryAt(index).Key.ToString() : null;
        return index >= 0;
    }

    public override void Emit(string key, TValue value) => AddStringCore(key, value);

    public override void Emit(ReadOnlySpan<char> key, TValue value) => AddCharsCore(key, value);

    public override void EmitUtf8(ReadOnlySpan<byte> utf8Key, TValue value) => AddUtf8Core(utf8Key, value);

    // The entry points of generated code (DirectEmit): direct calls, kept out of the mapper's loop. Inlining the whole
    // lookup into the mapper measured 1.23x slower (a mapper loop too large for the registers) than this direct call.

    /// <summary>Adds a pair.</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public void AddString(string key, TValue value) => AddStringCore(key, value);

    /// <summary>Adds a pair whose key is given as characters.</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public void AddChars(ReadOnlySpan<char> key, TValue value) => AddCharsCore(key, value);

    /// <summary>
    /// Adds a pair whose key is given as UTF-8; ill-formed sequences read as U+FFFD, as the text readers decode them.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public void AddUtf8(ReadOnlySpan<byte> key, TValue value) => AddUtf8Core(key, value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void AddStringCore(string key, TValue value)
    {
        if (key is null)
        {
            ThrowNullKey();
        }

        AddCharsCore(key.AsSpan(), value);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void AddCharsCore(ReadOnlySpan<char> key, TValue value)
    {
        byte[] scratch = _scratch;
        if (key.Length <= scratch.Length
            && System.Text.Ascii.FromUtf16(key, scratch, out int written) == OperationStatus.Done)
        {
            AddWellFormed(scratch.AsSpan(0, written), value);
            return;
        }

        AddEncoded(key, value);
    }

    // The bytes are looked up as they are: well-formedness is checked only when the key is new to this task (stored
    // keys are always well-formed, so ill-formed bytes never match one).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void AddUtf8Core(ReadOnlySpan<byte> key, TValue value)
    {
        int length = key.Length;
        if (length <= 8 && _fastShortKeys)
        {
            // A short key (most words): its zero-padded bytes and length identify it; stored keys are well-formed, so
            // ill-formed bytes never match and go the slow way.
            ulong prefix = length == 0 ? 0 : StableHash.PrefixOf(key);
            int index = _table.FindShortUtf8(prefix, length, StableHash.OfShortUtf8(prefix, length));
            if (index >= 0)
            {
                Next(ref _table.SlotAt(index), index, value);
                return;
            }
        }
        else if (!_storesSurrogates)
        {
            int hash = StableHash.OfUtf8(key, out ulong prefix);
            ref TSlot slot = ref _table.Find(new Utf8Lookup(key, prefix), hash, out int index);
            if (!Unsafe.IsNullRef(ref slot))
            {
                Next(ref slot, index, value);
                return;
            }
        }

        AddUtf8Slowly(key, value);
    }

    // A key new to this task, or ill-formed, or any key once a surrogate was stored: check it, then add it.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void AddUtf8Slowly(ReadOnlySpan<byte> key, TValue value)
    {
        AddWellFormed(Utf8Text.Normalize(key, ref _scratch), value);
        _fastShortKeys = !_storesSurrogates && !_table.IsKeyed;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void AddEncoded(ReadOnlySpan<char> key, TValue value)
    {
        int needed = Utf8Text.MaxEncodedLength(key.Length);
        if (_scratch.Length < needed)
        {
            _scratch = new byte[Math.Max(needed, _scratch.Length * 2)];
        }

        int written = Utf8Text.Encode(key, _scratch, out bool surrogates);
        _storesSurrogates |= surrogates;
        _fastShortKeys &= !surrogates;
        AddWellFormed(_scratch.AsSpan(0, written), value);
    }

    // Well-formed bytes (or WTF-8 from characters): found, or added as a new key.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void AddWellFormed(ReadOnlySpan<byte> key, TValue value)
    {
        int hash = StableHash.OfUtf8(key, out ulong prefix);
        ref TSlot slot = ref _table.Find(new Utf8Lookup(key, prefix), hash, out int index);
        if (Unsafe.IsNullRef(ref slot))
        {
            AddNew(key, hash, prefix, value);
            return;
        }

        Next(ref slot, index, value);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void AddNew(ReadOnlySpan<byte> key, int hash, ulong prefix, TValue value)
    {
        ref TSlot slot = ref _table.GetSlot(new Utf8Probe(key, prefix, _arena), hash, out _, out int index);
        First(ref slot, index, value);
    }

    private void First(ref TSlot slot, int index, TValue value)
    {
        _fastShortKeys = !_storesSurrogates && !_table.IsKeyed;
        _combining = -1;
        _values?.Add(index, value);
        TSide.First(ref slot, value);
        _pairs++;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Next(ref TSlot slot, int index, TValue value)
    {
        if (TSide.KeepsValues)
        {
            _values!.Add(index, value);
        }

        if (TSide.NextRunsUserCode)
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
