namespace MapReduceGen.Orleans.Jobs;

/// <summary>
/// Holds one input's pairs until its mapper returns (when bad records may be skipped), so the pairs of an input whose
/// mapping throws are dropped whole, as the local runner does.
/// </summary>
internal sealed class StagingSink<TKey, TValue>(MapSink<TKey, TValue> target) : EmitterSink<TKey, TValue>
{
    private readonly List<KeyValuePair<TKey, TValue>> _pairs = [];

    public override void Emit(TKey key, TValue value)
    {
        ArgumentNullException.ThrowIfNull(key);
        _pairs.Add(new KeyValuePair<TKey, TValue>(key, value));
    }

    /// <summary>Hands the input's pairs to the task's sink (a combine that throws there is a reduce failure).</summary>
    public void Commit()
    {
        foreach (var (key, value) in _pairs)
        {
            target.Emit(key, value);
        }

        _pairs.Clear();
    }

    public void Discard() => _pairs.Clear();
}
