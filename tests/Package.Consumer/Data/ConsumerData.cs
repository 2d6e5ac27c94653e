using System.Text;
using Package.Consumer.Jobs;

namespace Package.Consumer.Data;

/// <summary>Deterministic inputs for the consumer jobs, generated from a seed (no files or network needed).</summary>
internal static class ConsumerData
{
    private static readonly string[] Vocabulary =
    [
        "map", "Reduce", "worker", "PARTITION", "key", "value", "emit", "fold", "group", "table",
        "café", "Straße", "naïve", "Ωmega", "über", "x", "ab", "aot", "trim", "generator",
    ];

    private static readonly string[] Separators = [" ", "  ", "\t", ", ", ". ", "-", "; ", " 42 ", "'", "_"];

    private static readonly string[] Regions = ["north", "south", "east", "west", "Nord", "Süd"];

    private static readonly string[] Services = ["api", "db", "cache", "queue", "auth"];

    /// <summary>Lines of words from a small mixed-case, partly non-ASCII vocabulary with punctuation and digits.</summary>
    /// <param name="count">How many lines.</param>
    /// <param name="seed">The random seed: equal seeds give equal lines.</param>
    public static string[] Lines(int count, int seed)
    {
        var random = new Random(seed);
        var lines = new string[count];
        var builder = new StringBuilder();
        for (int i = 0; i < count; i++)
        {
            builder.Clear();
            int words = random.Next(0, 14);
            for (int w = 0; w < words; w++)
            {
                if (w > 0)
                {
                    builder.Append(Separators[random.Next(Separators.Length)]);
                }

                builder.Append(Vocabulary[random.Next(Vocabulary.Length)]);
            }

            if (i % 97 == 0)
            {
                // A word longer than the mapper's stack buffer.
                builder.Append(' ').Append('Q', 70 + (i % 5)).Append(" tail");
            }

            lines[i] = builder.ToString();
        }

        return lines;
    }

    /// <summary>Sales over three years and six regions, amounts with two decimals, a few negative (refunds).</summary>
    /// <param name="count">How many sales.</param>
    /// <param name="seed">The random seed.</param>
    public static Sale[] Sales(int count, int seed)
    {
        var random = new Random(seed);
        var sales = new Sale[count];
        var first = new DateOnly(2023, 1, 1);
        for (int i = 0; i < count; i++)
        {
            decimal amount = random.Next(-2_000, 100_000) / 100m;
            sales[i] = new Sale(Regions[random.Next(Regions.Length)], first.AddDays(random.Next(3 * 365)), amount);
        }

        return sales;
    }

    /// <summary>Log records over five services and all severities.</summary>
    /// <param name="count">How many records.</param>
    /// <param name="seed">The random seed.</param>
    public static LogRecord[] Logs(int count, int seed)
    {
        var random = new Random(seed);
        var logs = new LogRecord[count];
        for (int i = 0; i < count; i++)
        {
            logs[i] = new LogRecord(Services[random.Next(Services.Length)], (Severity)random.Next(4), $"event {i}");
        }

        return logs;
    }
}
