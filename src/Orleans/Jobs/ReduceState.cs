using MapReduceGen.Engine;
using MapReduceGen.Engine.Definitions;
using MapReduceGen.Engine.Keys;
using MapReduceGen.Engine.Map;
using MapReduceGen.Engine.Ordering;
using MapReduceGen.Engine.Output;
using MapReduceGen.Engine.Reduce;
using MapReduceGen.Orleans.Wire;
using Orleans.Serialization;

namespace MapReduceGen.Orleans.Jobs;

/// <summary>
/// One partition's reduce task on a silo: the pieces map tasks sent for it, decoded as they arrive; when all have
/// arrived, the job's <typeparamref name="TReducer"/> reduces them exactly as the local runner reduces a partition (with
/// the run's parameters, in key order when the job sorts by key, then in the job's output order), and the partition's
/// output is encoded in that order: keys and results, or records.
/// </summary>
internal sealed class ReduceState<TJob, TKey, TValue, TSlot, TReducer, TResult>(JobSpec<TKey, TValue, TResult> spec, Serializer serializer) : IReduceState
    where TJob : struct, IKeyedJob<TKey>
    where TKey : notnull
    where TReducer : IReducer<TKey, TValue, TSlot, TResult>
{
    private readonly List<Piece<Utf8Key, TSlot, TValue>> _stringPieces = [];
    private readonly List<Piece<TKey, TSlot, TValue>> _objectPieces = [];

    public TaskFailure? Add(byte[] chunk)
    {
        if (typeof(TKey) == typeof(string))
        {
            _stringPieces.Add(PieceCodec.Decode<TKey, Utf8Key, TSlot, TValue>(chunk, serializer));
        }
        else
        {
            _objectPieces.Add(PieceCodec.Decode<TKey, TKey, TSlot, TValue>(chunk, serializer));
        }

        return null;
    }

    public ReduceTaskReport Complete(byte[]? jobData, CancellationToken cancellationToken) =>
        typeof(TKey) == typeof(string)
            ? Complete<Utf8Key, Utf8KeyOps>(_stringPieces, jobData, cancellationToken)
            : Complete<TKey, ObjectKeyOps<TKey, TJob>>(_objectPieces, jobData, cancellationToken);

    private ReduceTaskReport Complete<TStored, TOps>(List<Piece<TStored, TSlot, TValue>> pieces, byte[]? jobData, CancellationToken cancellationToken)
        where TOps : struct, IKeyOps<TStored>
    {
        JobRunData? data = RunData.Decode(jobData, serializer);
        TaskContext context = spec.Parameters.Decode(new OrleansParameterCodec(serializer), data?.Parameters);
        JobLayout<TKey, TValue, TResult> layout = spec.Layout;
        KeyComparison<TKey> keyOrder = KeyComparison<TKey>.Of<TJob>(layout.HasKeyComparer);
        using var state = new RunState(spec.Name, new MapReduceOptions(), cancellationToken);
        var scope = new ReduceScope<TKey, TValue>(state, context, layout.SortByKey ? keyOrder : null, layout.ValueComparer);
        PartitionResult<TStored, TSlot, TOps, TResult> result;
        try
        {
            result = TReducer.Reduce(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(pieces), default(TOps), scope);
            PartitionOutputOrder.Apply(result, new OutputSettings<TKey, TResult>(keyOrder, layout.SortByKey, layout.OutputComparer, null));
        }
        catch (KeyFailure failure)
        {
            return new ReduceTaskReport
            {
                State = TaskState.Failed,
                Failure = new TaskFailure
                {
                    Exception = failure.InnerException,
                    Key = failure.Key is TKey key ? serializer.SerializeToArray(key) : null,
                },
            };
        }

        cancellationToken.ThrowIfCancellationRequested();
        pieces.Clear();
        TKey[] keys;
        TResult[] results;
        if (result.Records is { } records)
        {
            keys = [];
            results = [.. records];
        }
        else
        {
            keys = new TKey[result.Count];
            results = new TResult[result.Count];
            for (int i = 0; i < keys.Length; i++)
            {
                int entry = result.Order is { } order ? order[i] : i;
                keys[i] = StoredKeys.ToKey<TKey, TStored>(result.Keys.EntryAt(entry).Key);
                results[i] = result.ResultAt(entry);
            }
        }

        return new ReduceTaskReport
        {
            State = TaskState.Completed,
            Result = PartitionEncoder.EncodePairs(serializer, keys, results),
            KeyCount = result.Count,
            Counters = context.Counters.Count > 0 ? new Dictionary<string, long>(context.Counters.ToDictionary()) : null,
        };
    }
}
