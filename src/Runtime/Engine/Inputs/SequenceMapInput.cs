using MapReduceGen.Engine.Local;

namespace MapReduceGen.Engine.Inputs;

/// <summary>Inputs from a sequence or collection, handed to workers in chunks.</summary>
internal sealed class SequenceMapInput<TInput>(IEnumerable<TInput> inputs, MapReduceOptions options) : MapInput<TInput>
{
    private readonly InputChunkSource<TInput> _source =
        InputChunkSource<TInput>.Create(inputs, options.ChunkSize, options.MaxDegreeOfParallelism);

    public override int PlanWorkers(int maximum) =>
        _source.Count is long count ? (int)Math.Max(1, Math.Min(maximum, count)) : maximum;

    public override void Dispose()
    {
        _source.Dispose();
        base.Dispose();
    }

    public override void RunWorker(int workerIndex, IInputMapper<TInput> worker, RunState state)
    {
        TInput[]? buffer = null;
        while (!state.StopRequested)
        {
            InputChunk<TInput> chunk;
            try
            {
                if (!_source.TryTake(ref buffer, out chunk))
                {
                    return;
                }
            }
            catch (InputSourceFailure failure)
            {
                state.Fail(MapReduceException.ForSource(state.JobName, failure.InputIndex, failure.InnerException!));
                return;
            }

            worker.MapChunk(chunk.Span, chunk.FirstIndex);
        }
    }
}
