using System.Text;
using Package.Consumer.Jobs;

namespace Package.Consumer.Data;

/// <summary>
/// The results the consumer jobs must produce, computed the plain way (one thread, a dictionary, LINQ), as the
/// oracle the MapReduceGen runs are compared with.
/// </summary>
internal static class Expected
{
    public static Dictionary<string, int> WordFrequency(IEnumerable<string> lines)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var word = new StringBuilder();
        foreach (string line in lines)
        {
            foreach (char c in line + "\n")
            {
                if (char.IsLetter(c))
                {
                    word.Append(c);
                }
                else if (word.Length > 0)
                {
                    string key = word.ToString().ToLowerInvariant();
                    counts[key] = counts.GetValueOrDefault(key) + 1;
                    word.Clear();
                }
            }
        }

        return counts;
    }

    public static Dictionary<RegionYear, SalesSummary> SalesByRegionYear(IEnumerable<Sale> sales) =>
        sales.GroupBy(sale => new RegionYear(sale.Region, sale.Date.Year))
            .ToDictionary(
                group => group.Key,
                group => new SalesSummary(group.Count(), group.Sum(sale => sale.Amount), group.Max(sale => sale.Amount)));

    public static Dictionary<char, long> CharacterHistogram(IEnumerable<string> lines) =>
        lines.SelectMany(line => line)
            .Where(c => !char.IsWhiteSpace(c))
            .GroupBy(c => c)
            .ToDictionary(group => group.Key, group => group.LongCount());

    public static Dictionary<int, string> WordsByLength(IEnumerable<string> lines) =>
        lines.SelectMany(line => line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            .GroupBy(word => word.Length)
            .ToDictionary(
                group => group.Key,
                group => string.Join(' ', group.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)));

    public static Dictionary<(string Service, Severity Severity), int> IncidentCount(IEnumerable<LogRecord> logs) =>
        logs.Where(record => record.Severity >= Severity.Warning)
            .GroupBy(record => (record.Service, record.Severity))
            .ToDictionary(group => group.Key, group => group.Count());

    /// <summary>The <paramref name="count"/> most frequent words, ties by word in ordinal order.</summary>
    public static KeyValuePair<string, int>[] TopWords(Dictionary<string, int> counts, int count) =>
        [.. counts.OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.Ordinal).Take(count)];
}
