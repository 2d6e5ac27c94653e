namespace MapReduceGen.Examples;

/// <summary>Deterministic inputs for the examples (the program and the tests use the same).</summary>
public static class ExampleData
{
    private static readonly string[] Vocabulary =
    [
        "map", "reduce", "the", "of", "key", "value", "cluster", "silo", "a", "partition", "combiner", "hadoop", "spark",
        "record", "sort", "join", "mean", "median", "deviation", "histogram", "page", "rank", "centroid", "pi", "grep",
        "MapReduce", "shuffle", "it's", "naïve", "café", "x2", "Orleans",
    ];

    /// <summary>Lines of words from a small vocabulary, some with punctuation.</summary>
    public static List<string> Lines(int count, int seed)
    {
        var random = new Random(seed);
        var lines = new List<string>(count);
        for (int i = 0; i < count; i++)
        {
            var words = new string[random.Next(0, 12)];
            for (int w = 0; w < words.Length; w++)
            {
                words[w] = Vocabulary[random.Next(Vocabulary.Length)] + (random.Next(8) == 0 ? "," : "");
            }

            lines.Add(string.Join(' ', words));
        }

        return lines;
    }

    /// <summary>Pairs of small integers, in no order.</summary>
    public static List<IntPair> Pairs(int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => new IntPair(random.Next(-20, 20), random.Next(-1000, 1000)))];
    }

    /// <summary>Customers with ids 1..<paramref name="count"/>.</summary>
    public static List<Customer> Customers(int count) =>
        [.. Enumerable.Range(1, count).Select(id => new Customer(id, "customer-" + id))];

    /// <summary>Orders of customers with ids up to 10% beyond the known ones (orders without a customer).</summary>
    public static List<Order> Orders(int count, int customers, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(1, count).Select(id =>
            new Order(id, random.Next(1, customers + (customers / 10) + 2), random.Next(1, 100_000) / 100m))];
    }

    /// <summary>Records with random ten-letter keys (some repeated) and values.</summary>
    public static List<SortRecord> SortRecords(int count, int seed)
    {
        var random = new Random(seed);
        var keys = new List<string>();
        var records = new List<SortRecord>(count);
        for (int i = 0; i < count; i++)
        {
            string key = keys.Count > 0 && random.Next(10) == 0
                ? keys[random.Next(keys.Count)]
                : new string([.. Enumerable.Range(0, 10).Select(_ => (char)('a' + random.Next(26)))]);
            keys.Add(key);
            records.Add(new SortRecord(key, "value-" + i));
        }

        return records;
    }

    /// <summary>Documents made of <see cref="Lines"/>.</summary>
    public static List<Document> Documents(int count, int seed) =>
        [.. Lines(count, seed).Select((text, i) => new Document(i + 1, text))];

    /// <summary>A random graph of pages 0..n-1, each with up to four distinct links (some with none), ranks 1/n.</summary>
    public static List<Page> Pages(int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(id =>
            new Page(id, [.. Enumerable.Range(0, random.Next(0, 5)).Select(_ => random.Next(count)).Where(l => l != id).Distinct()], 1.0 / count))];
    }

    /// <summary>Points around <paramref name="clusters"/> centres.</summary>
    public static List<Point> Points(int count, int clusters, int seed)
    {
        var random = new Random(seed);
        var centres = Enumerable.Range(0, clusters).Select(_ => new Point(random.Next(-100, 100), random.Next(-100, 100))).ToArray();
        return [.. Enumerable.Range(0, count).Select(i =>
        {
            Point centre = centres[i % clusters];
            return new Point(centre.X + (random.NextDouble() * 20) - 10, centre.Y + (random.NextDouble() * 20) - 10);
        })];
    }
}
