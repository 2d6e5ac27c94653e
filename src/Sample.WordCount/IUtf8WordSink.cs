namespace Sample.WordCount;

/// <summary>Receives the words that <see cref="Utf8WordRules.ForEachWord"/> keeps: as UTF-8, or as characters.</summary>
internal interface IUtf8WordSink : IWordSink
{
    /// <summary>One kept word, lower-cased, as UTF-8 bytes; valid only during this call.</summary>
    void Utf8Word(scoped ReadOnlySpan<byte> word);
}
