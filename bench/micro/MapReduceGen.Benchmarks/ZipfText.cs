using System.Text;

namespace MapReduceGen.Benchmarks;

/// <summary>
/// A deterministic text whose word frequencies follow Zipf's law (s = 1) over a vocabulary of made-up words, with
/// capitalised words, punctuation and lines of about 70 characters, like prose. Same seed, same text.
/// </summary>
public static class ZipfText
{
    private const int Vocabulary = 30_000;

    /// <summary>Generates about <paramref name="bytes"/> bytes of text.</summary>
    /// <param name="bytes">The wanted size.</param>
    /// <param name="seed">The random seed.</param>
    /// <returns>The text, lines separated by '\n'.</returns>
    public static string Generate(int bytes, int seed)
    {
        var random = new Random(seed);
        string[] words = MakeWords(random);
        double[] cumulative = new double[Vocabulary];
        double total = 0;
        for (int i = 0; i < Vocabulary; i++)
        {
            total += 1.0 / (i + 1);
            cumulative[i] = total;
        }

        var text = new StringBuilder(bytes + 100);
        int lineLength = 0;
        while (text.Length < bytes)
        {
            int rank = Array.BinarySearch(cumulative, random.NextDouble() * total);
            string word = words[rank < 0 ? ~rank : rank];
            if (random.Next(12) == 0)
            {
                text.Append(char.ToUpperInvariant(word[0])).Append(word, 1, word.Length - 1);
            }
            else
            {
                text.Append(word);
            }

            lineLength += word.Length + 1;
            int punctuation = random.Next(20);
            if (punctuation == 0)
            {
                text.Append(',');
            }
            else if (punctuation == 1)
            {
                text.Append('.');
            }

            if (lineLength > 70)
            {
                text.Append('\n');
                lineLength = 0;
            }
            else
            {
                text.Append(' ');
            }
        }

        return text.ToString();
    }

    private static string[] MakeWords(Random random)
    {
        const string Letters = "etaoinshrdlucmfwypvbgkqjxz";
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var words = new string[Vocabulary];
        Span<char> buffer = stackalloc char[12];
        for (int i = 0; i < Vocabulary;)
        {
            // Frequent words are short, as in natural language.
            int length = Math.Min(12, 1 + (int)Math.Log2(i + 2) / 2 + random.Next(4));
            for (int c = 0; c < length; c++)
            {
                // Skewed towards common letters.
                buffer[c] = Letters[(int)(Math.Pow(random.NextDouble(), 2) * Letters.Length)];
            }

            string word = new(buffer[..length]);
            if (seen.Add(word))
            {
                words[i++] = word;
            }
        }

        return words;
    }
}
