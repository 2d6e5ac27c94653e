using MapReduceGen.Engine.Map;

namespace MapReduceGen.Engine.Definitions;

/// <summary>A <see cref="JobMapper{TKey, TValue}"/> with its types.</summary>
internal sealed class TypedJobMapper<TMapper, TInput, TKey, TValue>(string inputName) : JobMapper<TKey, TValue>(inputName)
    where TMapper : struct, IMapFunction<TInput, TKey, TValue>
{
    internal override Type InputType => typeof(TInput);

    internal override MapRun<TKey, TValue> Open(JobInput input, MapReduceOptions options) =>
        new TypedMapRun<TMapper, TInput, TKey, TValue>(Typed(input).Open(options), Typed(input).IsAsync);

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "User code's failures are reported by the map phase.")]
    internal override void SampleKeys(JobInput input, int wanted, TaskContext context, List<TKey> keys)
    {
        JobInput<TInput> typed = Typed(input);
        var itemKeys = new List<TKey>();
        var emitter = new Emitter<TKey, TValue>(new KeyCollector<TKey, TValue>(itemKeys));
        foreach (TInput item in InputSamples.Of(typed, wanted))
        {
            itemKeys.Clear();
            try
            {
                TMapper.Map(item, emitter, context);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A sample that fails to map is left out: the map phase reports it with its index (or skips it as a
                // bad record), as it would without sampling.
                continue;
            }

            keys.AddRange(itemKeys);
        }
    }

    internal override JobInput Materialize(JobInput input, string jobName)
    {
        JobInput<TInput> typed = Typed(input);
        if (typed.Sequence is not { } sequence || sequence is IReadOnlyList<TInput> || sequence is IList<TInput>)
        {
            return input;
        }

        var list = new List<TInput>();
        try
        {
            foreach (TInput item in sequence)
            {
                list.Add(item);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw MapReduceException.ForSource(jobName, list.Count, e);
        }

        return JobInputs.Sequence(list);
    }

    internal override IEnumerable<MapTaskInput> Split(
        int inputIndex, JobInput input, long splitBytes, int batchSize, IPayloadCodec codec, string jobName)
    {
        ArgumentNullException.ThrowIfNull(codec);
        JobInput<TInput> typed = Typed(input);
        if (typed.Source is { } text)
        {
            return text.Stream is null
                ? text.CreateSplits(text.SplitBytes > 0 ? text.SplitBytes : Math.Max(1, splitBytes)).Select(split => MapTaskInput.ForSplit(inputIndex, split))
                : throw NotHere("a stream");
        }

        return typed.Sequence is { } sequence
            ? Batches(inputIndex, sequence, batchSize > 0 ? batchSize : 4096, codec, jobName)
            : throw NotHere(typed.IsAsync ? "an asynchronous sequence" : "UTF-8 blocks");
    }

    internal override TaskFailure? MapTask<TJob, TSlot, TSide>(
        MapTaskInput input, MapSink<TKey, TValue, TSlot> sink, RunState state, TaskContext context, IPayloadCodec codec, Spill.IMapSpill? spill)
    {
        var task = new MapTask<TJob, TMapper, TInput, TKey, TValue, TSlot, TSide>(state, sink, context, spill);
        if (input.Split is { } split)
        {
            if (typeof(TInput) != typeof(string))
            {
                return TaskFailure.Configuration(
                    $"MapReduce job '{TJob.Name}' maps {typeof(TInput).FullName} in its input '{InputName}', not lines of text: it cannot read text files.");
            }

            using var reader = new TextSplitReader();
            try
            {
                reader.Reset(split);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The file is missing or unreadable where the task runs: the same error as the local runner's.
                state.Fail(MapReduceException.ForFile(TJob.Name, split.Path, e));
                return null;
            }

            task.MapLines(reader);
            return null;
        }

        TInput[] batch;
        try
        {
            batch = codec.Decode<TInput[]>(input.Items) ?? [];
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return TaskFailure.Configuration(
                $"The inputs of a map task of MapReduce job '{TJob.Name}' could not be decoded as {typeof(TInput).FullName}[]: {e.Message}");
        }

        task.MapChunk(batch, input.FirstItemIndex);
        return null;
    }

    private static IEnumerable<MapTaskInput> Batches(int inputIndex, IEnumerable<TInput> sequence, int batchSize, IPayloadCodec codec, string jobName)
    {
        var batch = new List<TInput>(Math.Min(batchSize, 4096));
        long read = 0;
        using IEnumerator<TInput> enumerator = sequence.GetEnumerator();
        while (true)
        {
            batch.Clear();
            long first = read;
            try
            {
                while (batch.Count < batchSize && enumerator.MoveNext())
                {
                    batch.Add(enumerator.Current);
                    read++;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw MapReduceException.ForSource(jobName, read, e);
            }

            if (batch.Count == 0)
            {
                yield break;
            }

            yield return MapTaskInput.ForItems(inputIndex, codec.Encode(batch.ToArray()), first, batch.Count);
        }
    }

    private NotSupportedException NotHere(string what) =>
        new($"The input '{InputName}' is {what}, which only this machine's runner reads; a backend that runs tasks elsewhere takes a sequence or the files of a TextSource.");

    private JobInput<TInput> Typed(JobInput input) =>
        input as JobInput<TInput> ?? throw new ArgumentException(
            $"The input '{InputName}' must hold {typeof(TInput)}, not {input?.InputType.ToString() ?? "null"}.", nameof(input));
}
