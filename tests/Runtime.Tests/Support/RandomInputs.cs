namespace MapReduceGen.Runtime.Tests.Support;

/// <summary>Seeded random inputs.</summary>
internal static class RandomInputs
{
    private static readonly string[] Vocabulary =
        ["a", "A", "b", "B", "alpha", "Alpha", "beta", "gamma", "délta", "ε", "中文", "x1", "the", "of", "z"];

    public static int[] Numbers(Random random, int count, int maximum = 1000) =>
        [.. Enumerable.Range(0, count).Select(_ => random.Next(maximum))];

    /// <summary>Lines of 0..8 words from a small vocabulary (case variants and non-ASCII), with uneven spacing.</summary>
    public static string[] Lines(Random random, int count) =>
        [.. Enumerable.Range(0, count).Select(_ => Line(random))];

    public static string Line(Random random)
    {
        int words = random.Next(9);
        var parts = new string[words];
        for (int i = 0; i < words; i++)
        {
            parts[i] = Vocabulary[random.Next(Vocabulary.Length)];
        }

        return string.Join(random.Next(4) == 0 ? "  " : " ", parts);
    }
}
