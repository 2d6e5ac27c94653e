using MapReduceGen.Engine.Inputs;
using MapReduceGen.Engine.Map;
using MapReduceGen.Engine.Spill;

namespace MapReduceGen.Engine.Definitions;

/// <summary>A <see cref="MapRun{TKey, TValue}"/> over a <see cref="MapInput{TInput}"/> with the mapper <typeparamref name="TMapper"/>.</summary>
internal sealed class TypedMapRun<TMapper, TInput, TKey, TValue>(MapInput<TInput> input, bool isAsync) : MapRun<TKey, TValue>
    where TMapper : struct, IMapFunction<TInput, TKey, TValue>
{
    public override bool IsAsync => isAsync;

    public override long? TotalBytes => input.TotalBytes;

    public override int PlanWorkers(int maximum) => input.PlanWorkers(maximum);

    public override void RunWorker<TJob, TSlot, TSide>(int worker, MapSink<TKey, TValue, TSlot> sink, RunState state, TaskContext context, IMapSpill? spill) =>
        input.RunWorker(worker, new MapTask<TJob, TMapper, TInput, TKey, TValue, TSlot, TSide>(state, sink, context, spill), state);

    public override Task RunWorkerAsync<TJob, TSlot, TSide>(int worker, MapSink<TKey, TValue, TSlot> sink, RunState state, TaskContext context, IMapSpill? spill) =>
        input.RunWorkerAsync(worker, new MapTask<TJob, TMapper, TInput, TKey, TValue, TSlot, TSide>(state, sink, context, spill), state);

    public override void Dispose() => input.Dispose();
}
