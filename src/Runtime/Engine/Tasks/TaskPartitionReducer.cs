using MapReduceGen.Engine.Definitions;
using MapReduceGen.Engine.Keys;
using MapReduceGen.Engine.Map;
using MapReduceGen.Engine.Ordering;
using MapReduceGen.Engine.Output;
using MapReduceGen.Engine.Reduce;

namespace MapReduceGen.Engine.Tasks;

/// <summary>
/// A backend's reduce task of one partition (<see cref="JobDefinition{TKey, TValue, TOutput}.CreateReducer"/>): pieces
/// decoded as they are added, kept by map task id; when complete, reduced by the job's <typeparamref name="TReducer"/>
/// in map task order (so the output does not depend on arrival order), exactly as the local runner reduces a partition:
/// with the run's parameters, in key order when the job sorts by key, then in the job's output order. The partition's
/// output is then encoded for the client or written as a file.
/// </summary>
internal sealed class TaskPartitionReducer<TJob, TKey, TValue, TSlot, TSide, TReducer, TResult>(
    JobSpec<TKey, TValue, TResult> spec, int partition, TaskSettings settings, bool writesRecords) : PartitionReducer
    where TJob : struct, IKeyedJob<TKey>
    where TSide : IMapSide<TValue, TSlot>
    where TReducer : IReducer<TKey, TValue, TSlot, TResult>
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<int, object> _pieces = [];

    public override int Partition => partition;

    public override void Add(int mapTaskId, ReadOnlyMemory<byte> output)
    {
        object piece = StoredKeyDispatch.Run<TJob, TKey, object, Decoder>(new Decoder(spec, output, settings.Codec));
        lock (_gate)
        {
            _pieces[mapTaskId] = piece;
        }
    }

    public override ReduceTaskResult Complete(PartitionFileTarget? file, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var pieces = new List<object>(_pieces.Values);
            _pieces.Clear();
            return StoredKeyDispatch.Run<TJob, TKey, ReduceTaskResult, Reduction>(new Reduction(this, pieces, file, cancellationToken));
        }
    }

    private ReduceTaskResult Complete<TStored, TOps>(List<object> pieces, PartitionFileTarget? file, CancellationToken cancellationToken)
        where TOps : struct, IKeyOps<TStored>
    {
        (byte[]? parameters, _) = RunDataEncoding.Decode(settings.RunData.Span, spec.Codecs, settings.Codec);
        TaskContext context = spec.Parameters.Decode(settings.Codec, parameters);
        JobLayout<TKey, TValue, TResult> layout = spec.Layout;
        KeyComparison<TKey> keyOrder = KeyComparison<TKey>.Of<TJob>(layout.HasKeyComparer);
        using var state = new RunState(spec.Name, new MapReduceOptions(), cancellationToken);
        var scope = new ReduceScope<TKey, TValue>(state, context, layout.SortByKey ? keyOrder : null, layout.ValueComparer, writesRecords);
        var typed = new Piece<TStored, TSlot, TValue>[pieces.Count];
        for (int i = 0; i < typed.Length; i++)
        {
            typed[i] = (Piece<TStored, TSlot, TValue>)pieces[i];
        }

        PartitionResult<TStored, TSlot, TOps, TResult> result;
        try
        {
            result = TReducer.Reduce<TStored, TOps>(typed, default, scope);
            PartitionOutputOrder.Apply(result, new OutputSettings<TKey, TResult>(keyOrder, layout.SortByKey, layout.OutputComparer, null));
        }
        catch (KeyFailure failure)
        {
            return new ReduceTaskResult
            {
                Failure = TaskFailures.From(MapReduceException.ForKey(spec.Name, failure.Key, failure.InnerException!), spec.Codecs, settings.Codec),
            };
        }

        cancellationToken.ThrowIfCancellationRequested();
        state.ThrowIfStopped();
        (TKey[]? keys, TResult[] items) = PartitionItems.Of<TKey, TStored, TSlot, TOps, TResult>(result);
        IReadOnlyDictionary<string, long> counters = context.Counters.ToDictionary();
        if (file is not null)
        {
            using var writer = new PartitionFileWriter<TKey, TValue, TResult>(file, partition, spec.Codecs, settings.Codec, spec.Name);
            for (int i = 0; i < items.Length; i++)
            {
                if (keys is null)
                {
                    writer.WriteRecord(items[i]);
                }
                else
                {
                    writer.Write(keys[i], items[i]);
                }
            }

            MapReduceOutputFile written = writer.Complete();
            return new ReduceTaskResult { Count = items.Length, File = written, Counters = counters };
        }

        return new ReduceTaskResult
        {
            Output = OutputEncoding.Encode(keys, items, spec.Codecs, settings.Codec),
            Count = items.Length,
            Counters = counters,
        };
    }

    private readonly struct Decoder(JobSpec<TKey, TValue, TResult> spec, ReadOnlyMemory<byte> output, IPayloadCodec codec) : IStoredKeyAction<object>
    {
        public object Run<TStored, TOps>()
            where TOps : struct, IKeyOps<TStored> =>
            PieceEncoding.Decode<TKey, TStored, TSlot, TValue, TResult>(output, TSide.KeepsValues, spec.Codecs, codec);
    }

    private readonly struct Reduction(
        TaskPartitionReducer<TJob, TKey, TValue, TSlot, TSide, TReducer, TResult> reducer, List<object> pieces, PartitionFileTarget? file, CancellationToken cancellationToken)
        : IStoredKeyAction<ReduceTaskResult>
    {
        public ReduceTaskResult Run<TStored, TOps>()
            where TOps : struct, IKeyOps<TStored> =>
            reducer.Complete<TStored, TOps>(pieces, file, cancellationToken);
    }
}
