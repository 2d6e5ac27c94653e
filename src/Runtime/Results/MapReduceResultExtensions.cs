namespace MapReduceGen;

/// <summary>What results with particular key types offer beyond <see cref="MapReduceResult{TKey, TResult}"/>.</summary>
public static class MapReduceResultExtensions
{
    /// <summary>
    /// Every entry of a result with string keys, each key as UTF-8 bytes where the run keeps them: no string is made per
    /// key, so writing a large result out as UTF-8, or sorting it by code point, costs no allocation per key. The order is
    /// the result's enumeration order. (A result the engine did not make, such as one built from gathered entries,
    /// encodes each key instead.)
    /// </summary>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="result">The result.</param>
    /// <returns>The entries, in enumeration order.</returns>
    public static IEnumerable<Utf8ResultEntry<TResult>> Utf8Entries<TResult>(this MapReduceResult<string, TResult> result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.EnumerateUtf8();
    }

    /// <summary>
    /// Every entry of a streamed part of a job with string keys, each key as UTF-8 bytes: a part the local runner streams
    /// keeps its keys as the run stores them, so no string is made per key (reading <see cref="MapReducePartition{TKey, TResult}.Entries"/>
    /// makes them). A part made otherwise (a cluster's) encodes each key instead. The order is the part's.
    /// </summary>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="part">The part.</param>
    /// <returns>The entries, in the part's order.</returns>
    public static IEnumerable<Utf8ResultEntry<TResult>> Utf8Entries<TResult>(this MapReducePartition<string, TResult> part)
    {
        ArgumentNullException.ThrowIfNull(part);
        return part.Entries is Engine.Output.Utf8PartEntries<TResult> utf8 ? Stored(utf8) : Encoded(part.Entries);

        static IEnumerable<Utf8ResultEntry<TResult>> Stored(Engine.Output.Utf8PartEntries<TResult> entries)
        {
            for (int i = 0; i < entries.Count; i++)
            {
                yield return new Utf8ResultEntry<TResult>(entries.KeyAt(i), entries.ResultAt(i));
            }
        }

        static IEnumerable<Utf8ResultEntry<TResult>> Encoded(IReadOnlyList<KeyValuePair<string, TResult>> entries)
        {
            foreach ((string key, TResult result) in entries)
            {
                yield return new Utf8ResultEntry<TResult>(Engine.Keys.Utf8Text.EncodeToArray(key), result);
            }
        }
    }
}
