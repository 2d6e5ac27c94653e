namespace Sample.WordCount;

/// <summary>Takes a word count's entries in output order from <see cref="CountOrderSorter.WriteTo"/>.</summary>
internal interface ICountedWordWriter
{
    /// <summary>Writes one entry.</summary>
    /// <param name="word">The word, as UTF-8; valid only during the call.</param>
    /// <param name="count">How many times it was found.</param>
    void Write(ReadOnlySpan<byte> word, int count);
}
