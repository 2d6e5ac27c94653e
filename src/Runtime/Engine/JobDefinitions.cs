using System.ComponentModel;
using MapReduceGen.Engine.Definitions;
using MapReduceGen.Engine.Map;
using MapReduceGen.Engine.Output;
using MapReduceGen.Engine.Reduce;

namespace MapReduceGen.Engine;

/// <summary>
/// Makes <see cref="JobDefinition{TKey, TValue, TOutput}"/> values for generated code, one factory per reducer shape and
/// output: how values meet on the map side (combined, kept, or dropped), what the reducer makes of each key, and whether
/// the output is a result per key (<see cref="MapReduceResult{TKey, TResult}"/>) or records
/// (<see cref="MapReduceRecords{TRecord}"/>). Every shape runs on the same engine core, locally and on a cluster.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JobDefinitions
{
    /// <summary>A fold: values combined as they are emitted; the combined value is the key's result.</summary>
    public static JobDefinition<TKey, TValue, MapReduceResult<TKey, TValue>> Fold<TJob, TKey, TValue>(
        JobMapper<TKey, TValue>[] mappers, JobParameters parameters, JobLayout<TKey, TValue, TValue>? layout = null, JobCodecs<TKey, TValue, TValue>? codecs = null)
        where TJob : struct, IKeyedJob<TKey>, ICombiner<TValue> =>
        Results<TJob, TKey, TValue, TValue, FoldMapSide<TJob, TValue>, FoldReducer<TJob, TKey, TValue>, TValue>(mappers, parameters, layout, codecs);

    /// <summary>A combiner and a finishing reducer: values combined as they are emitted, then each key finished once.</summary>
    public static JobDefinition<TKey, TValue, MapReduceResult<TKey, TResult>> Finish<TJob, TKey, TValue, TResult>(
        JobMapper<TKey, TValue>[] mappers, JobParameters parameters, JobLayout<TKey, TValue, TResult>? layout = null, JobCodecs<TKey, TValue, TResult>? codecs = null)
        where TJob : struct, IKeyedJob<TKey>, ICombiner<TValue>, IFinishReduce<TKey, TValue, TResult> =>
        Results<TJob, TKey, TValue, TValue, FoldMapSide<TJob, TValue>, FinishReducer<TJob, TKey, TValue, TResult>, TResult>(mappers, parameters, layout, codecs);

    /// <summary>A combiner and a finishing reducer that writes records.</summary>
    public static JobDefinition<TKey, TValue, MapReduceRecords<TRecord>> FinishRecords<TJob, TKey, TValue, TRecord>(
        JobMapper<TKey, TValue>[] mappers, JobParameters parameters, JobLayout<TKey, TValue, TRecord>? layout = null, JobCodecs<TKey, TValue, TRecord>? codecs = null)
        where TJob : struct, IKeyedJob<TKey>, ICombiner<TValue>, IFinishReduce<TKey, TValue, TRecord> =>
        Records<TJob, TKey, TValue, TValue, FoldMapSide<TJob, TValue>, FinishReducer<TJob, TKey, TValue, TRecord>, TRecord>(mappers, parameters, layout, codecs);

    /// <summary>A grouping reducer: every value kept, the reducer called once per key with all of them.</summary>
    public static JobDefinition<TKey, TValue, MapReduceResult<TKey, TResult>> Group<TJob, TKey, TValue, TResult>(
        JobMapper<TKey, TValue>[] mappers, JobParameters parameters, JobLayout<TKey, TValue, TResult>? layout = null, JobCodecs<TKey, TValue, TResult>? codecs = null)
        where TJob : struct, IKeyedJob<TKey>, IGroupReduce<TKey, TValue, TResult> =>
        Results<TJob, TKey, TValue, int, CollectMapSide<TValue>,
            GroupReducer<TJob, TKey, TValue, int, CollectMapSide<TValue>, TResult>, TResult>(mappers, parameters, layout, codecs);

    /// <summary>A grouping reducer that writes records (filter, flatten, join).</summary>
    public static JobDefinition<TKey, TValue, MapReduceRecords<TRecord>> GroupRecords<TJob, TKey, TValue, TRecord>(
        JobMapper<TKey, TValue>[] mappers, JobParameters parameters, JobLayout<TKey, TValue, TRecord>? layout = null, JobCodecs<TKey, TValue, TRecord>? codecs = null)
        where TJob : struct, IKeyedJob<TKey>, IGroupReduce<TKey, TValue, TRecord> =>
        Records<TJob, TKey, TValue, int, CollectMapSide<TValue>,
            GroupReducer<TJob, TKey, TValue, int, CollectMapSide<TValue>, TRecord>, TRecord>(mappers, parameters, layout, codecs);

    /// <summary>A combiner and a grouping reducer (Hadoop's combiner): the reducer sees one combined value per map task.</summary>
    public static JobDefinition<TKey, TValue, MapReduceResult<TKey, TResult>> CombinedGroup<TJob, TKey, TValue, TResult>(
        JobMapper<TKey, TValue>[] mappers, JobParameters parameters, JobLayout<TKey, TValue, TResult>? layout = null, JobCodecs<TKey, TValue, TResult>? codecs = null)
        where TJob : struct, IKeyedJob<TKey>, ICombiner<TValue>, IGroupReduce<TKey, TValue, TResult> =>
        Results<TJob, TKey, TValue, TValue, FoldMapSide<TJob, TValue>,
            GroupReducer<TJob, TKey, TValue, TValue, KeepSlotsSide<TValue>, TResult>, TResult>(mappers, parameters, layout, codecs);

    /// <summary>A combiner and a grouping reducer that writes records.</summary>
    public static JobDefinition<TKey, TValue, MapReduceRecords<TRecord>> CombinedGroupRecords<TJob, TKey, TValue, TRecord>(
        JobMapper<TKey, TValue>[] mappers, JobParameters parameters, JobLayout<TKey, TValue, TRecord>? layout = null, JobCodecs<TKey, TValue, TRecord>? codecs = null)
        where TJob : struct, IKeyedJob<TKey>, ICombiner<TValue>, IGroupReduce<TKey, TValue, TRecord> =>
        Records<TJob, TKey, TValue, TValue, FoldMapSide<TJob, TValue>,
            GroupReducer<TJob, TKey, TValue, TValue, KeepSlotsSide<TValue>, TRecord>, TRecord>(mappers, parameters, layout, codecs);

    /// <summary>Keys only (distinct): values dropped as they are emitted, the reducer called once per distinct key.</summary>
    public static JobDefinition<TKey, TValue, MapReduceResult<TKey, TResult>> Distinct<TJob, TKey, TValue, TResult>(
        JobMapper<TKey, TValue>[] mappers, JobParameters parameters, JobLayout<TKey, TValue, TResult>? layout = null, JobCodecs<TKey, TValue, TResult>? codecs = null)
        where TJob : struct, IKeyedJob<TKey>, IDistinctReduce<TKey, TResult> =>
        Results<TJob, TKey, TValue, byte, DistinctMapSide<TValue>, DistinctReducer<TJob, TKey, TValue, TResult>, TResult>(mappers, parameters, layout, codecs);

    /// <summary>Keys only (distinct), the reducer writing records.</summary>
    public static JobDefinition<TKey, TValue, MapReduceRecords<TRecord>> DistinctRecords<TJob, TKey, TValue, TRecord>(
        JobMapper<TKey, TValue>[] mappers, JobParameters parameters, JobLayout<TKey, TValue, TRecord>? layout = null, JobCodecs<TKey, TValue, TRecord>? codecs = null)
        where TJob : struct, IKeyedJob<TKey>, IDistinctReduce<TKey, TRecord> =>
        Records<TJob, TKey, TValue, byte, DistinctMapSide<TValue>, DistinctReducer<TJob, TKey, TValue, TRecord>, TRecord>(mappers, parameters, layout, codecs);

    private static JobDefinition<TKey, TValue, MapReduceResult<TKey, TResult>> Results<TJob, TKey, TValue, TSlot, TSide, TReducer, TResult>(
        JobMapper<TKey, TValue>[] mappers, JobParameters parameters, JobLayout<TKey, TValue, TResult>? layout, JobCodecs<TKey, TValue, TResult>? codecs)
        where TJob : struct, IKeyedJob<TKey>
        where TSide : IMapSide<TValue, TSlot>
        where TReducer : IReducer<TKey, TValue, TSlot, TResult> =>
        new CoreDefinition<TJob, TKey, TValue, TSlot, TSide, TReducer, TResult, MapReduceResult<TKey, TResult>, ResultOutput<TKey, TResult>>(
            Spec<TJob, TKey, TValue, TResult>(mappers, parameters, layout, codecs));

    private static JobDefinition<TKey, TValue, MapReduceRecords<TRecord>> Records<TJob, TKey, TValue, TSlot, TSide, TReducer, TRecord>(
        JobMapper<TKey, TValue>[] mappers, JobParameters parameters, JobLayout<TKey, TValue, TRecord>? layout, JobCodecs<TKey, TValue, TRecord>? codecs)
        where TJob : struct, IKeyedJob<TKey>
        where TSide : IMapSide<TValue, TSlot>
        where TReducer : IReducer<TKey, TValue, TSlot, TRecord> =>
        new CoreDefinition<TJob, TKey, TValue, TSlot, TSide, TReducer, TRecord, MapReduceRecords<TRecord>, RecordsOutput<TKey, TRecord>>(
            Spec<TJob, TKey, TValue, TRecord>(mappers, parameters, layout, codecs));

    private static JobSpec<TKey, TValue, TResult> Spec<TJob, TKey, TValue, TResult>(
        JobMapper<TKey, TValue>[] mappers, JobParameters parameters, JobLayout<TKey, TValue, TResult>? layout, JobCodecs<TKey, TValue, TResult>? codecs)
        where TJob : IKeyedJob<TKey>
    {
        ArgumentNullException.ThrowIfNull(mappers);
        ArgumentNullException.ThrowIfNull(parameters);
        if (mappers.Length == 0)
        {
            throw new ArgumentException("A job has at least one mapper.", nameof(mappers));
        }

        return new(TJob.Name, [.. mappers], parameters, layout ?? new JobLayout<TKey, TValue, TResult>(), codecs);
    }
}
