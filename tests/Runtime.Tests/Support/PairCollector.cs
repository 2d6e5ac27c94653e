namespace MapReduceGen.Runtime.Tests.Support;

/// <summary>Collects the pairs a mapper emits when called directly (the sequential reference's map step).</summary>
internal sealed class PairCollector<TKey, TValue> : EmitterSink<TKey, TValue>
{
    public List<(TKey Key, TValue Value)> Pairs { get; } = [];

    public override void Emit(TKey key, TValue value) => Pairs.Add((key, value));

    /// <summary>Runs an emitter-shaped mapper on one input and returns its pairs.</summary>
    public static List<(TKey Key, TValue Value)> Collect<TInput>(TInput input, Action<TInput, Emitter<TKey, TValue>> map)
    {
        var collector = new PairCollector<TKey, TValue>();
        map(input, new Emitter<TKey, TValue>(collector));
        return collector.Pairs;
    }
}
