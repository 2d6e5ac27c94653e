using MapReduceGen;
using MapReduceGen.Examples;

// Runs each example on generated data and prints what it computed: `dotnet run --project examples/MapReduceGen.Examples`
// (all of them) or with the names of some (`-- Grep KMeans`).
var examples = new Dictionary<string, Action>(StringComparer.OrdinalIgnoreCase)
{
    ["WordMean"] = () => Console.WriteLine($"mean word length: {WordMean.Run(ExampleData.Lines(2000, 1))[WordMean.Key]:F4}"),
    ["WordMedian"] = () => Console.WriteLine($"median word length: {WordMedian.Run(ExampleData.Lines(2000, 1))[WordMedian.Key]}"),
    ["WordStandardDeviation"] = () =>
        Console.WriteLine($"standard deviation of word lengths: {WordStandardDeviation.Run(ExampleData.Lines(2000, 1))[WordStandardDeviation.Key]:F4}"),
    ["Grep"] = () =>
    {
        MapReduceRecords<GrepMatch> matches = Grep.Run(ExampleData.Lines(2000, 1), new GrepParameters(@"\b(\w*a\w*)\b", Group: 1));
        foreach (GrepMatch match in matches.Take(5))
        {
            Console.WriteLine($"{match.Count,6} {match.Text}");
        }

        Console.WriteLine($"lines: {matches.Statistics.Counters["lines"]}, matching: {matches.Statistics.Counters["matching lines"]}");
    },
    ["RelativeFrequency"] = () =>
    {
        foreach (BigramFrequency f in RelativeFrequency.Run(ExampleData.Lines(2000, 1)).OrderByDescending(f => f.Frequency).Take(5))
        {
            Console.WriteLine($"{f.Frequency,6:P1} of the words after '{f.Left}' are '{f.Right}'");
        }
    },
    ["SecondarySort"] = () => Console.WriteLine(string.Join(" ", SecondarySort.Run(ExampleData.Pairs(30, 2)).Select(p => $"{p.First}:{p.Second}"))),
    ["Join"] = () =>
    {
        MapReduceRecords<JoinedOrder> joined = Join.Run(ExampleData.Customers(5), ExampleData.Orders(12, 5, 3));
        foreach (JoinedOrder order in joined)
        {
            Console.WriteLine($"{order.CustomerId} {order.Name} order {order.OrderId}: {order.Amount}");
        }
    },
    ["TotalOrderSort"] = () =>
    {
        MapReduceRecords<SortRecord> sorted = TotalOrderSort.Run(ExampleData.SortRecords(10_000, 4), new MapReduceOptions { PartitionCount = 8 });
        for (int p = 0; p < sorted.PartitionCount; p++)
        {
            IReadOnlyList<SortRecord> partition = sorted.Partition(p);
            Console.WriteLine(partition.Count == 0 ? $"partition {p}: empty" : $"partition {p}: {partition.Count} records, {partition[0].Key} .. {partition[^1].Key}");
        }
    },
    ["AggregateWordHistogram"] = () => Console.WriteLine(AggregateWordHistogram.Run(ExampleData.Lines(2000, 1))[AggregateWordHistogram.Key]),
    ["QuasiMonteCarlo"] = () =>
        Console.WriteLine($"pi is about {QuasiMonteCarlo.Run(Enumerable.Range(0, 10), new PiParameters(100_000))[QuasiMonteCarlo.Key]:F6}"),
    ["InvertedIndex"] = () =>
    {
        foreach (var (word, documents) in InvertedIndex.Run(ExampleData.Documents(50, 5)).Take(5))
        {
            Console.WriteLine($"{word}: {string.Join(",", documents)}");
        }
    },
    ["PageRank"] = () =>
    {
        List<Page> pages = ExampleData.Pages(100, 6);
        var parameters = new PageRankParameters(pages.Count);
        for (int iteration = 0; iteration < 10; iteration++)
        {
            pages = [.. PageRank.Run(pages, parameters)];
        }

        Console.WriteLine(string.Join(" ", pages.Take(8).Select(p => $"{p.Id}:{p.Rank:F5}")));
    },
    ["KMeans"] = () =>
    {
        List<Point> points = ExampleData.Points(3000, 4, 7);
        Point[] centroids = [.. points.Take(4)];
        for (int iteration = 0; iteration < 10; iteration++)
        {
            centroids = [.. KMeans.Run(points, Enumerable.Range(0, centroids.Length), new KMeansParameters(centroids)).Values];
        }

        Console.WriteLine(string.Join(" ", centroids.Select(c => $"({c.X:F2}, {c.Y:F2})")));
    },
};

foreach (string name in args.Length > 0 ? args : examples.Keys.ToArray())
{
    if (!examples.TryGetValue(name, out Action? run))
    {
        Console.Error.WriteLine($"no example named {name}; the examples are: {string.Join(", ", examples.Keys)}");
        return 2;
    }

    Console.WriteLine($"== {name}");
    run();
}

return 0;
