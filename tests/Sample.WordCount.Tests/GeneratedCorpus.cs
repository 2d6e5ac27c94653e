using System.Text;

namespace Sample.WordCount.Tests;

/// <summary>
/// Writes a reproducible pseudo-random corpus (one file of about 4 MB, so it is cut into several splits, and
/// 60 small files with LF, CRLF and CR line ends) and returns its word counts, known from how it was written
/// rather than computed by the word rules.
/// </summary>
internal static class GeneratedCorpus
{
    /// <summary>Tokens that are words: as written, and as counted.</summary>
    private static readonly (string Written, string Counted)[] Words =
    [
        ("process", "process"), ("Process", "process"), ("WORKER", "worker"), ("worker", "worker"),
        ("pool", "pool"), ("Pool", "pool"), ("queue", "queue"), ("na\u00EFve", "na\u00EFve"),
        ("CAF\u00C9", "caf\u00E9"), ("\u6771\u4EAC", "\u6771\u4EAC"), ("\U00010400\U00010428", "\U00010428\U00010428"),
        ("stra\u00DFe", "stra\u00DFe"), ("mapreduce", "mapreduce"), ("Zebra", "zebra"), ("omega", "omega"),
    ];

    /// <summary>Tokens that are never counted: numbers, mixed pieces, stop words.</summary>
    private static readonly string[] NonWords = ["123", "x1", "the", "And", "a", "PY", "rst", "2nd", "\u00B2"];

    /// <summary>What goes between tokens: white space or ASCII punctuation.</summary>
    private static readonly string[] Separators = [" ", " ", " ", ", ", ". ", "\t", "-", "(", ") ", "'", "\u00A0"];

    private static readonly string[] LineEnds = ["\n", "\r\n", "\r"];

    public static Dictionary<string, int> Write(TempDirectory temp, string directory, int seed)
    {
        var random = new Random(seed);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        WriteFile(temp.Combine(directory, "large.txt"), random, counts, targetBytes: 4_000_000, lineEnd: "\n");
        for (var i = 0; i < 60; i++)
        {
            WriteFile(
                temp.Combine(directory, $"small/part-{i:D3}.txt"), random, counts,
                targetBytes: random.Next(0, 3000), lineEnd: LineEnds[i % LineEnds.Length]);
        }

        return counts;
    }

    private static void WriteFile(string path, Random random, Dictionary<string, int> counts, int targetBytes, string lineEnd)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var text = new StringBuilder(targetBytes + 200);
        while (text.Length < targetBytes)
        {
            var skipped = random.Next(20) == 0;
            if (skipped)
            {
                text.Append(random.Next(2) == 0 ? ".. " : "   ..");
            }

            var tokens = random.Next(0, 16);
            for (var t = 0; t < tokens; t++)
            {
                if (t > 0 || !skipped)
                {
                    text.Append(Separators[random.Next(Separators.Length)]);
                }

                if (random.Next(5) == 0)
                {
                    text.Append(NonWords[random.Next(NonWords.Length)]);
                    continue;
                }

                var (written, counted) = Words[random.Next(Words.Length)];
                text.Append(written);
                if (!skipped)
                {
                    counts[counted] = counts.GetValueOrDefault(counted) + 1;
                }
            }

            text.Append(lineEnd);
        }

        File.WriteAllText(path, text.ToString(), new UTF8Encoding(false));
    }
}
