namespace MapReduceGen.Engine.Definitions;

/// <summary>A <see cref="JobMapper{TKey, TValue}"/> with its types.</summary>
internal sealed class TypedJobMapper<TMapper, TInput, TKey, TValue>(string inputName) : JobMapper<TKey, TValue>(inputName)
    where TMapper : struct, IMapFunction<TInput, TKey, TValue>
{
    internal override Type InputType => typeof(TInput);

    internal override MapRun<TKey, TValue> Open(JobInput input, MapReduceOptions options) =>
        new TypedMapRun<TMapper, TInput, TKey, TValue>(Typed(input).Open(options), Typed(input).IsAsync);

    internal override TResult Accept<TResult>(IJobMapperVisitor<TKey, TValue, TResult> visitor) =>
        visitor.Visit<TMapper, TInput>(this);

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

    private JobInput<TInput> Typed(JobInput input) =>
        input as JobInput<TInput> ?? throw new ArgumentException(
            $"The input '{InputName}' must hold {typeof(TInput)}, not {input?.InputType.ToString() ?? "null"}.", nameof(input));
}
