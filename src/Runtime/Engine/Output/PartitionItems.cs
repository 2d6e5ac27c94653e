using MapReduceGen.Engine.Keys;
using MapReduceGen.Engine.Reduce;

namespace MapReduceGen.Engine.Output;

/// <summary>A reduced partition's output as plain arrays, in its output order: keys and results, or records (no keys).</summary>
internal static class PartitionItems
{
    public static (TKey[]? Keys, TResult[] Items) Of<TKey, TStored, TSlot, TOps, TResult>(PartitionResult<TStored, TSlot, TOps, TResult> result)
        where TOps : struct, IKeyOps<TStored>
    {
        if (result.Records is { } records)
        {
            return (null, [.. records]);
        }

        var keys = new TKey[result.Count];
        var results = new TResult[result.Count];
        for (int i = 0; i < keys.Length; i++)
        {
            int entry = result.Order is { } order ? order[i] : i;
            keys[i] = StoredKeys.ToKey<TKey, TStored>(result.Keys.EntryAt(entry).Key);
            results[i] = result.ResultAt(entry);
        }

        return (keys, results);
    }
}
