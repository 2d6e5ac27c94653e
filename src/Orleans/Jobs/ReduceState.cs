using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using MapReduceGen.Engine;
using MapReduceGen.Engine.Keys;
using MapReduceGen.Engine.Map;
using MapReduceGen.Engine.Reduce;
using MapReduceGen.Orleans.Wire;
using Orleans.Serialization;

namespace MapReduceGen.Orleans.Jobs;

/// <summary>
/// One partition's reduce task on a silo: the map tasks' outputs for the partition, decoded as they are fetched; when
/// every map task's output is in, the job's <typeparamref name="TReducer"/> reduces them (in map task order, so the
/// result does not depend on which output arrived first) exactly as the local runner reduces a partition.
/// </summary>
internal sealed class ReduceState<TJob, TKey, TValue, TSlot, TReducer, TResult>(string jobName, Serializer serializer) : IReduceState
    where TJob : struct, IKeyEquality<TKey>
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

    public ReduceOutcome Complete(int partition, ReduceFileSpec? file, string workTag, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return typeof(TKey) == typeof(string)
                ? Complete<Utf8Key, Utf8KeyOps>(_stringPieces, partition, file, workTag, cancellationToken)
                : Complete<TKey, ObjectKeyOps<TKey, TJob>>(_objectPieces, partition, file, workTag, cancellationToken);
        }
    }

    private ReduceOutcome Complete<TStored, TOps>(
        SortedDictionary<int, Piece<TStored, TSlot, TValue>> byTask,
        int partition,
        ReduceFileSpec? file,
        string workTag,
        CancellationToken cancellationToken)
        where TOps : struct, IKeyOps<TStored>
    {
        var pieces = new List<Piece<TStored, TSlot, TValue>>(byTask.Values);
        byTask.Clear();
        using var state = new RunState(jobName, new MapReduceOptions(), cancellationToken);
        PartitionResult<TStored, TSlot, TOps, TResult> result;
        try
        {
            result = TReducer.Reduce(CollectionsMarshal.AsSpan(pieces), default(TOps), state);
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
        var keys = new TKey[result.Count];
        var results = new TResult[result.Count];
        for (int i = 0; i < keys.Length; i++)
        {
            keys[i] = StoredKeys.ToKey<TKey, TStored>(result.Keys.EntryAt(i).Key);
            results[i] = result.Results is { } values
                ? values[i]
                : Unsafe.As<TSlot, TResult>(ref result.Keys.EntryAt(i).Slot);
        }

        if (file is not null)
        {
            var (path, bytes) = PartitionFileWriter.Write(file, partition, workTag, keys, results);
            return new ReduceOutcome { State = TaskState.Completed, KeyCount = keys.Length, FilePath = path, FileBytes = bytes };
        }

        return new ReduceOutcome
        {
            State = TaskState.Completed,
            Result = PartitionEncoder.EncodePairs(serializer, keys, results),
            KeyCount = keys.Length,
        };
    }
}
