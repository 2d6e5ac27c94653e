namespace MapReduceGen.Examples;

/// <summary>How many words have each length: <c>Counts[n]</c> words of <c>n</c> characters. Immutable.</summary>
[GenerateSerializer]
public sealed record LengthHistogram(long[] Counts)
{
    /// <summary>The histogram of some words, or <see langword="null"/> when there are none.</summary>
    public static LengthHistogram? Of(IEnumerable<string> words)
    {
        long[] counts = [];
        foreach (string word in words)
        {
            if (word.Length >= counts.Length)
            {
                Array.Resize(ref counts, word.Length + 1);
            }

            counts[word.Length]++;
        }

        return counts.Length == 0 ? null : new LengthHistogram(counts);
    }

    /// <summary>This histogram plus another.</summary>
    public LengthHistogram Add(LengthHistogram other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var counts = new long[Math.Max(Counts.Length, other.Counts.Length)];
        Counts.CopyTo(counts, 0);
        for (int i = 0; i < other.Counts.Length; i++)
        {
            counts[i] += other.Counts[i];
        }

        return new LengthHistogram(counts);
    }
}
