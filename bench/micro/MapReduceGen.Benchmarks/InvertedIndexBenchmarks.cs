using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;

namespace MapReduceGen.Benchmarks;

/// <summary>
/// Inverted index: every word to the sorted, distinct ids of the documents (10 lines each) that hold it. Every variant
/// records each occurrence and sorts and de-duplicates each word's ids at the end.
/// </summary>
[Config(typeof(SuiteConfig))]
public class InvertedIndexBenchmarks
{
    private const int LinesPerDocument = 10;
    private Document[] _documents = [];

    [Params(2)]
    public int Workers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        string[] lines = BenchmarkInput.Lines;
        var documents = new Document[(lines.Length + LinesPerDocument - 1) / LinesPerDocument];
        for (int d = 0; d < documents.Length; d++)
        {
            int start = d * LinesPerDocument;
            documents[d] = new Document(d, string.Join('\n', lines, start, Math.Min(LinesPerDocument, lines.Length - start)));
        }

        _documents = documents;
        Check();
    }

    [Benchmark(Description = "generated job")]
    public int Generated() =>
        InvertedIndexJob.Run(_documents, new MapReduceOptions { MaxDegreeOfParallelism = Workers }).Count;

    /// <summary>The fastest hand-written code found: per-thread open-addressing word tables, then a merge (<see cref="FastBaselines"/>).</summary>
    [Benchmark(Baseline = true, Description = "hand-written, open addressing")]
    public int FastHandWritten() => FastBaselines.InvertedIndex(_documents, Workers).Length;

    [Benchmark(Description = "hand-written, Dictionary")]
    public int HandWritten()
    {
        var partials = new Dictionary<string, List<int>>[Workers];
        int workers = Workers;
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, w =>
        {
            var index = new Dictionary<string, List<int>>();
            var lookup = index.GetAlternateLookup<ReadOnlySpan<char>>();
            int start = (int)((long)_documents.Length * w / workers);
            int end = (int)((long)_documents.Length * (w + 1) / workers);
            for (int i = start; i < end; i++)
            {
                var sink = new PostingSink(lookup, _documents[i].Id);
                Words.ForEach(_documents[i].Text, ref sink);
            }

            partials[w] = index;
        });

        Dictionary<string, List<int>> merged = partials.MaxBy(d => d.Count)!;
        foreach (Dictionary<string, List<int>> partial in partials)
        {
            if (ReferenceEquals(partial, merged))
            {
                continue;
            }

            foreach (KeyValuePair<string, List<int>> pair in partial)
            {
                ref List<int>? ids = ref CollectionsMarshal.GetValueRefOrAddDefault(merged, pair.Key, out _);
                if (ids is null)
                {
                    ids = pair.Value;
                }
                else
                {
                    ids.AddRange(pair.Value);
                }
            }
        }

        // The reduce, in parallel like the merge of the generated job.
        KeyValuePair<string, List<int>>[] entries = [.. merged];
        var result = new KeyValuePair<string, int[]>[entries.Length];
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, w =>
        {
            for (int i = w; i < entries.Length; i += workers)
            {
                result[i] = new(entries[i].Key, Postings.SortedDistinct(CollectionsMarshal.AsSpan(entries[i].Value)));
            }
        });

        return result.Length;
    }

    [Benchmark(Description = "PLINQ GroupBy")]
    public int PlinqGroupBy() =>
        _documents.AsParallel().WithDegreeOfParallelism(Workers)
            .SelectMany(document => Words.Split(document.Text), (document, word) => (word, document.Id))
            .GroupBy(pair => pair.word, pair => pair.Id, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Distinct().Order().ToArray(), StringComparer.Ordinal)
            .Count;

    [Benchmark(Description = "PLINQ Aggregate")]
    public int PlinqAggregate() =>
        _documents.AsParallel().WithDegreeOfParallelism(Workers)
            .Aggregate(
                () => new Dictionary<string, List<int>>(),
                (index, document) =>
                {
                    var sink = new PostingSink(index.GetAlternateLookup<ReadOnlySpan<char>>(), document.Id);
                    Words.ForEach(document.Text, ref sink);
                    return index;
                },
                (into, from) =>
                {
                    foreach (KeyValuePair<string, List<int>> pair in from)
                    {
                        ref List<int>? ids = ref CollectionsMarshal.GetValueRefOrAddDefault(into, pair.Key, out _);
                        (ids ??= []).AddRange(pair.Value);
                    }

                    return into;
                },
                index => index.ToDictionary(p => p.Key, p => Postings.SortedDistinct(CollectionsMarshal.AsSpan(p.Value))))
            .Count;

    [Benchmark(Description = "sequential")]
    public int Sequential()
    {
        var index = new Dictionary<string, List<int>>();
        var lookup = index.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (Document document in _documents)
        {
            var sink = new PostingSink(lookup, document.Id);
            Words.ForEach(document.Text, ref sink);
        }

        var result = new Dictionary<string, int[]>(index.Count);
        foreach (KeyValuePair<string, List<int>> pair in index)
        {
            result.Add(pair.Key, Postings.SortedDistinct(CollectionsMarshal.AsSpan(pair.Value)));
        }

        return result.Count;
    }

    // The open-addressing baseline must give what the generated job gives.
    private void Check()
    {
        MapReduceResult<string, int[]> expected = InvertedIndexJob.Run(_documents, new MapReduceOptions { MaxDegreeOfParallelism = Workers });
        KeyValuePair<string, int[]>[] actual = FastBaselines.InvertedIndex(_documents, Workers);
        if (actual.Length != expected.Count)
        {
            throw new InvalidOperationException($"open-addressing inverted index: {actual.Length} words, expected {expected.Count}");
        }

        foreach (KeyValuePair<string, int[]> pair in actual)
        {
            if (!expected.TryGetValue(pair.Key, out int[]? ids) || !ids.AsSpan().SequenceEqual(pair.Value))
            {
                throw new InvalidOperationException($"open-addressing inverted index: wrong ids for '{pair.Key}'");
            }
        }
    }

    private readonly struct PostingSink(Dictionary<string, List<int>>.AlternateLookup<ReadOnlySpan<char>> lookup, int id) : IWordSink
    {
        public void Word(scoped ReadOnlySpan<char> word) =>
            (CollectionsMarshal.GetValueRefOrAddDefault(lookup, word, out _) ??= []).Add(id);
    }
}
