namespace MapReduceGen.Engine.Definitions;

/// <summary>Collects the keys a mapper emits (for sampling), dropping the values.</summary>
internal sealed class KeyCollector<TKey, TValue>(List<TKey> keys) : EmitterSink<TKey, TValue>
{
    public override void Emit(TKey key, TValue value)
    {
        if (key is not null)
        {
            keys.Add(key);
        }
    }
}
