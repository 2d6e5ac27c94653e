using MapReduceGen.Engine;
using MapReduceGen.Engine.Keys;
using MapReduceGen.Engine.Map;
using MapReduceGen.Engine.Reduce;
using MapReduceGen.Orleans.Wire;
using Orleans.Serialization;

namespace MapReduceGen.Orleans.Jobs;

/// <summary>
/// One partition's reduce task on a silo: the pieces map tasks sent for it, decoded as they arrive; when all have
/// arrived, the job's <typeparamref name="TReducer"/> reduces them exactly as the local runner reduces a partition.
/// </summary>
internal sealed class ReduceState<TJob, TKey, TValue, TSlot, TReducer, TResult>(string jobName, Serializer serializer) : IReduceState
    where TJob : struct, IKeyEquality<TKey>
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

    public ReduceTaskReport Complete(CancellationToken cancellationToken) =>
        typeof(TKey) == typeof(string)
            ? Complete<Utf8Key, Utf8KeyOps>(_stringPieces, cancellationToken)
            : Complete<TKey, ObjectKeyOps<TKey, TJob>>(_objectPieces, cancellationToken);

    private ReduceTaskReport Complete<TStored, TOps>(List<Piece<TStored, TSlot, TValue>> pieces, CancellationToken cancellationToken)
        where TOps : struct, IKeyOps<TStored>
    {
        using var state = new RunState(jobName, new MapReduceOptions(), cancellationToken);
        PartitionResult<TStored, TSlot, TOps, TResult> result;
        try
        {
            result = TReducer.Reduce(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(pieces), default(TOps), state);
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
        var keys = new TKey[result.Count];
        var results = new TResult[result.Count];
        for (int i = 0; i < keys.Length; i++)
        {
            keys[i] = StoredKeys.ToKey<TKey, TStored>(result.Keys.EntryAt(i).Key);
            results[i] = result.Results is { } values
                ? values[i]
                : System.Runtime.CompilerServices.Unsafe.As<TSlot, TResult>(ref result.Keys.EntryAt(i).Slot);
        }

        return new ReduceTaskReport
        {
            State = TaskState.Completed,
            Result = PartitionEncoder.EncodePairs(serializer, keys, results),
            KeyCount = keys.Length,
        };
    }
}
