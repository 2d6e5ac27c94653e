using System.Text.RegularExpressions;

namespace MapReduceGen.Examples.Tests;

/// <summary>Each example computed the plain way, with LINQ over the whole input in memory.</summary>
internal static class LinqReference
{
    public static IEnumerable<string> Words(IEnumerable<string> lines) => lines.SelectMany(Text.Words);

    public static double WordMean(IEnumerable<string> lines) => Words(lines).Average(w => w.Length);

    public static double WordMedian(IEnumerable<string> lines)
    {
        int[] lengths = [.. Words(lines).Select(w => w.Length).Order()];
        return (lengths[(lengths.Length - 1) / 2] + lengths[lengths.Length / 2]) / 2.0;
    }

    public static double WordStandardDeviation(IEnumerable<string> lines)
    {
        long[] lengths = [.. Words(lines).Select(w => (long)w.Length)];
        double mean = (double)lengths.Sum() / lengths.Length;
        return Math.Sqrt(((double)lengths.Sum(l => l * l) / lengths.Length) - (mean * mean));
    }

    public static List<GrepMatch> Grep(IEnumerable<string> lines, GrepParameters parameters) =>
        [.. lines.SelectMany(line => new Regex(parameters.Pattern).Matches(line).Select(m => m.Groups[parameters.Group].Value))
            .GroupBy(text => text, StringComparer.Ordinal)
            .Select(g => new GrepMatch(g.LongCount(), g.Key))
            .OrderByDescending(m => m.Count)
            .ThenBy(m => m.Text, StringComparer.Ordinal)];

    /// <summary>count(a, b) / count(a, *) for each pair of adjacent words, sorted by the pair.</summary>
    public static List<BigramFrequency> RelativeFrequency(IEnumerable<string> lines)
    {
        var pairs = lines.Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .SelectMany(words => words.Skip(1).Select((right, i) => (Left: words[i], Right: right)))
            .ToList();
        var totals = pairs.GroupBy(p => p.Left).ToDictionary(g => g.Key, g => (long)g.Count());
        return [.. pairs.GroupBy(p => p)
            .Select(g => new BigramFrequency(g.Key.Left, g.Key.Right, g.LongCount() / (double)totals[g.Key.Left]))
            .OrderBy(f => f.Left, StringComparer.Ordinal).ThenBy(f => f.Right, StringComparer.Ordinal)];
    }

    public static List<IntPair> SecondarySort(IEnumerable<IntPair> pairs) => [.. pairs.OrderBy(p => p.First).ThenBy(p => p.Second)];

    public static List<JoinedOrder> Join(IEnumerable<Customer> customers, IEnumerable<Order> orders) =>
        [.. from order in orders
            join customer in customers on order.CustomerId equals customer.Id
            orderby customer.Id, order.Id
            select new JoinedOrder(customer.Id, customer.Name, order.Id, order.Amount)];

    public static List<SortRecord> TotalOrderSort(IEnumerable<SortRecord> records) =>
        [.. records.OrderBy(r => r.Key, StringComparer.Ordinal).ThenBy(r => r.Value, StringComparer.Ordinal)];

    public static HistogramSummary AggregateWordHistogram(IEnumerable<string> lines) =>
        HistogramSummary.Of(Words(lines).GroupBy(w => w, StringComparer.Ordinal).Select(g => g.LongCount()));

    public static double QuasiMonteCarlo(int maps, long samplesPerMap)
    {
        long total = maps * samplesPerMap;
        long inside = 0;
        for (long i = 1; i <= total; i++)
        {
            double x = Examples.QuasiMonteCarlo.Halton(i, 2) - 0.5;
            double y = Examples.QuasiMonteCarlo.Halton(i, 3) - 0.5;
            inside += (x * x) + (y * y) <= 0.25 ? 1 : 0;
        }

        return 4.0 * inside / total;
    }

    public static List<KeyValuePair<string, int[]>> InvertedIndex(IEnumerable<Document> documents) =>
        [.. documents
            .SelectMany(d => Text.Words(d.Text).Select(w => (Word: w, d.Id)))
            .GroupBy(p => p.Word, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new KeyValuePair<string, int[]>(g.Key, [.. g.Select(p => p.Id).Distinct().Order()]))];

    public static List<Page> PageRank(List<Page> pages, PageRankParameters parameters, int iterations)
    {
        for (int i = 0; i < iterations; i++)
        {
            var received = pages
                .SelectMany(p => p.Links.Select(link => (Link: link, Share: p.Rank / p.Links.Length)))
                .GroupBy(s => s.Link)
                .ToDictionary(g => g.Key, g => g.Sum(s => s.Share));
            pages = [.. pages.OrderBy(p => p.Id).Select(p => p with
            {
                Rank = ((1 - parameters.Damping) / parameters.PageCount) + (parameters.Damping * received.GetValueOrDefault(p.Id)),
            })];
        }

        return pages;
    }

    public static Point[] KMeans(IReadOnlyList<Point> points, Point[] centroids, int iterations)
    {
        for (int i = 0; i < iterations; i++)
        {
            Point[] current = centroids;
            var clusters = points.GroupBy(p => Enumerable.Range(0, current.Length).MinBy(c => p.DistanceSquared(current[c])))
                .ToDictionary(g => g.Key, g => new Point(g.Average(p => p.X), g.Average(p => p.Y)));
            centroids = [.. Enumerable.Range(0, current.Length).Select(c => clusters.TryGetValue(c, out Point mean) ? mean : current[c])];
        }

        return centroids;
    }
}
