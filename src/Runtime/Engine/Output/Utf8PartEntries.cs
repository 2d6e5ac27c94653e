using System.Collections;
using MapReduceGen.Engine.Keys;

namespace MapReduceGen.Engine.Output;

/// <summary>
/// The entries of one streamed part of a job with string keys, keys kept as the UTF-8 the run stores (side by side in one
/// array): a key becomes a string only when it is read through the list (then kept), and
/// <see cref="MapReduceResultExtensions.Utf8Entries{TResult}(MapReducePartition{string, TResult})"/> hands out the bytes
/// without making one.
/// </summary>
internal sealed class Utf8PartEntries<TResult>(byte[] keys, int[] starts, TResult[] results, int count)
    : IReadOnlyList<KeyValuePair<string, TResult>>
{
    private string?[]? _strings;

    public int Count => count;

    public KeyValuePair<string, TResult> this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)count, nameof(index));
            string?[] strings = _strings ??= new string?[count];
            return new(strings[index] ??= Utf8Text.Decode(KeyAt(index).Span), results[index]);
        }
    }

    /// <summary>The key of entry <paramref name="index"/> as stored UTF-8.</summary>
    public ReadOnlyMemory<byte> KeyAt(int index) => keys.AsMemory(starts[index], starts[index + 1] - starts[index]);

    /// <summary>The result of entry <paramref name="index"/>.</summary>
    public TResult ResultAt(int index) => results[index];

    public IEnumerator<KeyValuePair<string, TResult>> GetEnumerator()
    {
        for (int i = 0; i < count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
