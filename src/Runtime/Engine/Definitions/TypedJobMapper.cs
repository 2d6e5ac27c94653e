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

    internal override void SampleKeys(JobInput input, int wanted, TaskContext context, List<TKey> keys)
    {
        JobInput<TInput> typed = Typed(input);
        var sink = new KeyCollector<TKey, TValue>(keys);
        var emitter = new Emitter<TKey, TValue>(sink);
        foreach (TInput item in InputSamples.Of(typed, wanted))
        {
            TMapper.Map(item, emitter, context);
        }
    }

    private JobInput<TInput> Typed(JobInput input) =>
        input as JobInput<TInput> ?? throw new ArgumentException(
            $"The input '{InputName}' must hold {typeof(TInput)}, not {input?.InputType.ToString() ?? "null"}.", nameof(input));
}
