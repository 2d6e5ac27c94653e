using System.Runtime.InteropServices;
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
/// One partition's reduce task on a silo: the map tasks' outputs for the partition, decoded as they are fetched; when
/// every map task's output is in, the job's <typeparamref name="TReducer"/> reduces them (in map task order, so the
/// result does not depend on which output arrived first) exactly as the local runner reduces a partition (with the run's
/// parameters, in key order when the job sorts by key, then in the job's output order), and the partition's output is
/// encoded in that order: keys and results, or records.
/// </summary>
internal sealed class ReduceState<TJob, TKey, TValue, TSlot, TReducer, TResult>(JobSpec<TKey, TValue, TResult> spec, Serializer serializer, bool writesRecords) : IReduceState
    where TJob : struct, IKeyedJob<TKey>
    where TKey : notnull
    where TReducer : IReducer<TKey, TValue, TSlot, TResult>
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<int, Piece<Utf8Key, TSlot, TValue>> _stringPieces = [];
    private readonly SortedDictionary<int, Piece<TKey, TSlot, TValue>> _objectPieces = [];

    public object Decode(byte[] encoded) =>
        typeof(TKey) == typeof(string)
            ? PieceCodec.Decode<TKey, Utf8Key, TSlot, TValue>(encoded, serializer)
            : PieceCodec.Decode<TKey, TKey, TSlot, TValue>(encoded, serializer);

    public void Add(int taskId, object decoded)
    {
        lock (_gate)
        {
            if (typeof(TKey) == typeof(string))
            {
                _stringPieces[taskId] = (Piece<Utf8Key, TSlot, TValue>)decoded;
            }
            else
            {
                _objectPieces[taskId] = (Piece<TKey, TSlot, TValue>)decoded;
            }
        }
    }

    public ReduceOutcome Complete(int partition, ReduceFileSpec? file, string workTag, byte[]? jobData, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return typeof(TKey) == typeof(string)
                ? Complete<Utf8Key, Utf8KeyOps>(_stringPieces, partition, file, workTag, jobData, cancellationToken)
                : Complete<TKey, ObjectKeyOps<TKey, TJob>>(_objectPieces, partition, file, workTag, jobData, cancellationToken);
        }
    }

    private ReduceOutcome Complete<TStored, TOps>(
        SortedDictionary<int, Piece<TStored, TSlot, TValue>> byTask,
        int partition,
        ReduceFileSpec? file,
        string workTag,
        byte[]? jobData,
        CancellationToken cancellationToken)
        where TOps : struct, IKeyOps<TStored>
    {
        var pieces = new List<Piece<TStored, TSlot, TValue>>(byTask.Values);
        byTask.Clear();
        JobRunData? data = RunData.Decode(jobData, serializer);
        TaskContext context = spec.Parameters.Decode(new OrleansParameterCodec(serializer), data?.Parameters);
        JobLayout<TKey, TValue, TResult> layout = spec.Layout;
        KeyComparison<TKey> keyOrder = KeyComparison<TKey>.Of<TJob>(layout.HasKeyComparer);
        using var state = new RunState(spec.Name, new MapReduceOptions(), cancellationToken);
        var scope = new ReduceScope<TKey, TValue>(state, context, layout.SortByKey ? keyOrder : null, layout.ValueComparer, writesRecords);
        PartitionResult<TStored, TSlot, TOps, TResult> result;
        try
        {
            result = TReducer.Reduce(CollectionsMarshal.AsSpan(pieces), default(TOps), scope);
            PartitionOutputOrder.Apply(result, new OutputSettings<TKey, TResult>(keyOrder, layout.SortByKey, layout.OutputComparer, null));
        }
        catch (KeyFailure failure)
        {
            return new ReduceOutcome
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

        Dictionary<string, long>? counters = context.Counters.Count > 0 ? new Dictionary<string, long>(context.Counters.ToDictionary()) : null;
        if (file is not null)
        {
            var (path, bytes) = PartitionFileWriter.Write(file, partition, workTag, keys, results);
            return new ReduceOutcome
            {
                State = TaskState.Completed, KeyCount = result.Count, FilePath = path, FileBytes = bytes, Counters = counters,
            };
        }

        return new ReduceOutcome
        {
            State = TaskState.Completed,
            Result = PartitionEncoder.EncodePairs(serializer, keys, results),
            KeyCount = result.Count,
            Counters = counters,
        };
    }
}
