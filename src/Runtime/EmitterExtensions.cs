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
}
