namespace MapReduceGen;

/// <summary>Extra <c>Emit</c> overloads for particular key types.</summary>
public static class EmitterExtensions
{
    /// <summary>
    /// Emits a pair whose string key is given as characters: the worker allocates a string only the first time it
    /// meets that key, so splitting a line into words allocates nothing for words it has already seen.
    /// </summary>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <param name="emitter">The emitter the runner passed to the mapper.</param>
    /// <param name="key">The key's characters (compared ordinally).</param>
    /// <param name="value">The value.</param>
    public static void Emit<TValue>(this Emitter<string, TValue> emitter, ReadOnlySpan<char> key, TValue value) =>
        emitter.Sink.Emit(key, value);

    /// <summary>
    /// Emits a pair whose string key is given as UTF-8 bytes (invalid sequences read as U+FFFD, as
    /// <see cref="System.Text.Encoding.UTF8"/> decodes them): the worker allocates a string only the first time it
    /// meets that key, and hashes and compares ASCII keys without decoding them to a string.
    /// </summary>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <param name="emitter">The emitter the runner passed to the mapper.</param>
    /// <param name="utf8Key">The key's UTF-8 bytes.</param>
    /// <param name="value">The value.</param>
    public static void EmitUtf8<TValue>(this Emitter<string, TValue> emitter, ReadOnlySpan<byte> utf8Key, TValue value) =>
        emitter.Sink.EmitUtf8(utf8Key, value);
}
