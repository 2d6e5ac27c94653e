using MapReduceGen.Runtime.Tests.Inputs;
using MapReduceGen.Runtime.Tests.Jobs;

namespace MapReduceGen.Runtime.Tests.Runner;

/// <summary>
/// The determinism guarantee of docs/inputs-and-errors.md: with an associative and commutative reducer over an exact
/// type, the result is identical whatever the worker, partition and chunk (or split) counts. (Floating-point sums
/// are not associative, so their last bits may differ between such runs; that is documented, not tested.)
/// </summary>
public sealed class DeterminismTests
{
    private static int[] Numbers() => [.. Enumerable.Range(0, 50_000).Select(i => (int)((i * 2654435761L) % 2_000_003) - 1_000_000)];

    [Fact]
    public void Integer_sums_are_identical_across_workers_partitions_and_chunks()
    {
        int[] numbers = Numbers();
        Dictionary<int, long>? first = null;
        foreach (int workers in new[] { 1, 2, 3, 8 })
        {
            foreach (int partitions in new[] { 0, 1, 7, 64 })
            {
                foreach (int chunk in new[] { 0, 1, 97 })
                {
                    var options = new MapReduceOptions { MaxDegreeOfParallelism = workers, PartitionCount = partitions, ChunkSize = chunk };
                    Dictionary<int, long> result = ResidueSumJob.Run(numbers, options).ToDictionary();
                    first ??= result;
                    Assert.Equal(first, result);
                }
            }
        }

        Assert.Equal(
            numbers.Where(n => n % 4 != 0).Sum(n => (long)n) + numbers.Count(n => n % 4 != 0 && n % 3 == 0),
            first!.Values.Sum());
    }

    [Fact]
    public void Text_counts_are_identical_across_workers_partitions_and_split_sizes()
    {
        using var directory = new TempDirectory();
        var random = new Random(5);
        string path = directory.WriteFile(
            "words.txt",
            string.Join('\n', Enumerable.Range(0, 20_000).Select(_ => string.Join(' ', Enumerable.Range(0, 1 + random.Next(6)).Select(_ => "w" + random.Next(500))))));
        Dictionary<string, int>? first = null;
        foreach (int workers in new[] { 1, 2, 5 })
        {
            foreach (int partitions in new[] { 0, 3, 64 })
            {
                foreach (long split in new[] { 0L, 7L, 4096L })
                {
                    var source = TextSource.FromPaths(path);
                    source.SplitBytes = split;
                    Dictionary<string, int> result = WordCountJob.Run(source, new MapReduceOptions { MaxDegreeOfParallelism = workers, PartitionCount = partitions }).ToDictionary();
                    first ??= result;
                    Assert.Equal(first, result);
                }
            }
        }
    }
}
