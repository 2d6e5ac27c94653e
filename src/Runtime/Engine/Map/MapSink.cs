using System.Buffers;
using System.Runtime.CompilerServices;
using MapReduceGen.Engine.Keys;
using MapReduceGen.Engine.Tables;

namespace MapReduceGen.Engine.Map;

/// <summary>
/// Where one map worker's pairs go: one table for the whole worker (partitions are only assigned when the map ends,
/// see <see cref="MapOutputBuilder"/>), each key's slot updated by <typeparamref name="TSide"/> as pairs arrive. String
/// keys are stored as UTF-8 (<see cref="Utf8Key"/>): a key given as characters is narrowed (ASCII) or encoded, a key
/// given as UTF-8 is checked and used as it is, and only a key new to this worker copies its bytes.
/// </summary>
/// <remarks>
/// Generated jobs reach <see cref="Add(TKey, TValue)"/>, <see cref="AddChars"/> and <see cref="AddUtf8"/> directly
/// (see <see cref="DirectEmit"/>): this class is sealed and its type is exact, so a call costs no
/// virtual dispatch. Every other caller comes through the <see cref="EmitterSink{TKey, TValue}"/> overrides.
/// </remarks>
/// <typeparam name="TKeys">Hashing and equality of the key (the generated job struct).</typeparam>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
/// <typeparam name="TSlot">What a key's slot holds.</typeparam>
/// <typeparam name="TSide">How a value enters a slot.</typeparam>
internal sealed class MapSink<TKeys, TKey, TValue, TSlot, TSide> : EmitterSink<TKey, TValue>
    where TKeys : IKeyEquality<TKey>
    where TSide : IMapSide<TValue, TSlot>
{
    private readonly KeyTable<TKey, TSlot, ObjectKeyOps<TKey, TKeys>>? _objects;
    private readonly KeyTable<Utf8Key, TSlot, Utf8KeyOps>? _strings;
    private readonly Utf8Arena? _arena;
    private readonly ValueLog<TValue>? _values;

    // The UTF-8 form of a key given as characters, or of an ill-formed UTF-8 key with replacements.
    private byte[] _scratch;

    public MapSink()
    {
        if (typeof(TKey) == typeof(string))
        {
            _strings = new KeyTable<Utf8Key, TSlot, Utf8KeyOps>();
            _arena = new Utf8Arena();
        }
        else
        {
            _objects = new KeyTable<TKey, TSlot, ObjectKeyOps<TKey, TKeys>>();
        }

        _scratch = new byte[256];
        if (TSide.KeepsValues)
        {
            _values = new ValueLog<TValue>();
        }
    }

    /// <summary>Pairs added since the last <see cref="TakePairCount"/>.</summary>
    public long PairCount { get; private set; }

    /// <summary>Distinct keys so far.</summary>
    public int KeyCount => _strings?.Count ?? _objects!.Count;

    /// <summary>The values kept (jobs that need every value), else <see langword="null"/>.</summary>
    public ValueLog<TValue>? Values => _values;

    public long TakePairCount()
    {
        long pairs = PairCount;
        PairCount = 0;
        return pairs;
    }

    /// <summary>
    /// This worker's table, for the stored key type the job's key maps to (<see cref="Utf8Key"/> for strings, the key
    /// itself otherwise).
    /// </summary>
    public KeyTable<TStored, TSlot, TOps> Table<TStored, TOps>()
        where TOps : struct, IKeyOps<TStored> =>
        typeof(TStored) == typeof(Utf8Key)
            ? Unsafe.As<KeyTable<TStored, TSlot, TOps>>(_strings!)
            : Unsafe.As<KeyTable<TStored, TSlot, TOps>>(_objects!);

    public override void Emit(TKey key, TValue value) => Add(key, value);

    public override void Emit(ReadOnlySpan<char> key, TValue value) => AddChars(key, value);

    public override void EmitUtf8(ReadOnlySpan<byte> utf8Key, TValue value) => AddUtf8(utf8Key, value);

    /// <summary>Adds a pair.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(TKey key, TValue value)
    {
        if (key is null)
        {
            ThrowNullKey();
        }

        if (typeof(TKey) == typeof(string))
        {
            AddChars(Unsafe.As<string>(key).AsSpan(), value);
            return;
        }

        int hash = TKeys.GetKeyHash(key);
        ref TSlot slot = ref _objects!.GetSlot(
            new ObjectProbe<TKey, ObjectKeyOps<TKey, TKeys>>(key, default), hash, out bool added, out int index);
        if (TSide.KeepsValues)
        {
            _values!.Add(index, value);
        }

        if (added)
        {
            TSide.First(ref slot, value);
        }
        else
        {
            try
            {
                TSide.Next(ref slot, value);
            }
            catch (Exception ex)
            {
                throw new CombineFailure(key, ex);
            }
        }

        PairCount++;
    }

    /// <summary>Adds a pair whose string key is given as characters (only when the key type is string).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void AddChars(ReadOnlySpan<char> key, TValue value)
    {
        if (typeof(TKey) != typeof(string))
        {
            base.Emit(key, value);
            return;
        }

        byte[] scratch = _scratch;
        if (key.Length <= scratch.Length
            && System.Text.Ascii.FromUtf16(key, scratch, out int written) == OperationStatus.Done)
        {
            AddValidUtf8(scratch.AsSpan(0, written), value);
            return;
        }

        AddEncoded(key, value);
    }

    /// <summary>
    /// Adds a pair whose string key is given as UTF-8 (only when the key type is string); ill-formed sequences read as
    /// U+FFFD, as the text readers decode them.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void AddUtf8(ReadOnlySpan<byte> key, TValue value)
    {
        if (typeof(TKey) != typeof(string))
        {
            base.EmitUtf8(key, value);
            return;
        }

        AddValidUtf8(Utf8Text.Normalize(key, ref _scratch), value);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void AddEncoded(ReadOnlySpan<char> key, TValue value)
    {
        int needed = Utf8Text.MaxEncodedLength(key.Length);
        if (_scratch.Length < needed)
        {
            _scratch = new byte[Math.Max(needed, _scratch.Length * 2)];
        }

        int written = Utf8Text.Encode(key, _scratch);
        AddValidUtf8(_scratch.AsSpan(0, written), value);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void AddValidUtf8(ReadOnlySpan<byte> key, TValue value)
    {
        int hash = StableHash.OfUtf8(key);
        ref TSlot slot = ref _strings!.GetSlot(new Utf8Probe(key, _arena), hash, out bool added, out int index);
        if (TSide.KeepsValues)
        {
            _values!.Add(index, value);
        }

        if (added)
        {
            TSide.First(ref slot, value);
        }
        else
        {
            try
            {
                TSide.Next(ref slot, value);
            }
            catch (Exception ex)
            {
                throw new CombineFailure(Utf8Text.Decode(key), ex);
            }
        }

        PairCount++;
    }

    private static void ThrowNullKey() =>
        throw new ArgumentNullException("key", "A mapper emitted a null key; keys must not be null.");
}
