namespace Sample.WordCount;

/// <summary>Receives the words that <see cref="WordRules.ForEachWord"/> keeps.</summary>
internal interface IWordSink
{
    /// <summary>
    /// One kept word, lower-cased. The span is valid only during this call: copy it (or look it up)
    /// before returning. The parameter is <c>scoped</c> so that a <c>ref struct</c> sink cannot keep it.
    /// </summary>
    void Word(scoped ReadOnlySpan<char> word);
}
