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
}
