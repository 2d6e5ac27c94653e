namespace MapReduceGen.Examples;

/// <summary>How often each word occurs. Immutable: <see cref="Add"/> makes a new tally.</summary>
[GenerateSerializer]
public sealed record WordTally(Dictionary<string, long> Counts)
{
    /// <summary>This tally plus another.</summary>
    public WordTally Add(WordTally other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var counts = new Dictionary<string, long>(Counts, StringComparer.Ordinal);
        foreach ((string word, long count) in other.Counts)
        {
            counts[word] = counts.GetValueOrDefault(word) + count;
        }

        return new WordTally(counts);
    }
}
