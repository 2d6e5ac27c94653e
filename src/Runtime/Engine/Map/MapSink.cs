using MapReduceGen.Engine.Keys;
using MapReduceGen.Engine.Tables;

namespace MapReduceGen.Engine.Map;

/// <summary>
/// Where one map task's pairs go: one table for the whole task (partitions are assigned only when the map ends, see
/// <see cref="MapOutputBuilder"/>), each key's slot updated by the reducer shape's map side as pairs arrive. There are
/// two, by how keys are stored: <see cref="Utf8MapSink{TValue, TSlot, TSide}"/> for string keys (as UTF-8) and
/// <see cref="ObjectMapSink{TKeys, TKey, TValue, TSlot, TSide}"/> for every other key type (as themselves); this base
/// is what a map task needs of either once pairs stop arriving.
/// </summary>
/// <remarks>
/// The two are separate sealed classes, not one class generic over the key, so that the string sink is not generic
/// over a reference type: its code is compiled for the exact job, never as code shared by every reference-type
/// instantiation (which costs run-time type lookups on every pair).
/// </remarks>
internal abstract class MapSink<TKey, TValue, TSlot> : EmitterSink<TKey, TValue>
{
    /// <summary>Pairs added since the last <see cref="TakePairCount"/>.</summary>
    public abstract long TakePairCount();

    /// <summary>Distinct keys so far.</summary>
    public abstract int KeyCount { get; }

    /// <summary>
    /// An estimate of the bytes the sink holds (its table, its keys' bytes, its values), including a growth of the table
    /// that is near: what a memory budget checks. Objects that keys and values refer to are not counted.
    /// </summary>
    public abstract long Footprint { get; }

    /// <summary>
    /// Makes the sink empty after its table's entries were taken (<see cref="KeyTable{TStored, TSlot, TOps}.TakeEntries"/>)
    /// and its values cleared, when its contents were written to disk: the keys' bytes are dropped with them.
    /// </summary>
    public abstract void Restart();

    /// <summary>The values kept (jobs that need every value), else <see langword="null"/>.</summary>
    public abstract ValueLog<TValue>? Values { get; }

    /// <summary>
    /// The sink's table, for the stored key type the job's key maps to (<see cref="Utf8Key"/> for strings, the key itself
    /// otherwise).
    /// </summary>
    public abstract KeyTable<TStored, TSlot, TOps> Table<TStored, TOps>()
        where TOps : struct, IKeyOps<TStored>;

    /// <summary>
    /// When an exception left this sink, whether it came from the user's combiner (the last combine of this sink threw
    /// and no key was added since), and for which key. Clears the record.
    /// </summary>
    public abstract bool TryTakeFailedCombine(out object? key);

    /// <summary>Makes the sink for a job's key type.</summary>
    public static MapSink<TKey, TValue, TSlot> Create<TKeys, TSide>()
        where TKeys : IKeyEquality<TKey>
        where TSide : IMapSide<TValue, TSlot> =>
        typeof(TKey) == typeof(string)
            ? (MapSink<TKey, TValue, TSlot>)(object)new Utf8MapSink<TValue, TSlot, TSide>()
            : new ObjectMapSink<TKeys, TKey, TValue, TSlot, TSide>();
}
