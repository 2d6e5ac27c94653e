namespace MapReduceGen.Engine.Map;

/// <summary>Holds the pairs of one input until its mapping has succeeded (bad-record skipping only).</summary>
internal sealed class StagingSink<TKey, TValue> : EmitterSink<TKey, TValue>
{
    private readonly List<KeyValuePair<TKey, TValue>> _pairs = [];

    public override void Emit(TKey key, TValue value)
    {
        // Checked here, inside the mapper's call, so an input that emits a null key is skipped like any bad record.
        if (key is null)
        {
            throw new ArgumentNullException(nameof(key), "A mapper emitted a null key; keys must not be null.");
        }

        _pairs.Add(new(key, value));
    }

    public void Clear() => _pairs.Clear();

    public void ReplayInto(EmitterSink<TKey, TValue> sink)
    {
        foreach (KeyValuePair<TKey, TValue> pair in _pairs)
        {
            sink.Emit(pair.Key, pair.Value);
        }

        _pairs.Clear();
    }
}
