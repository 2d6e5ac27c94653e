using System.Text.RegularExpressions;
using MapReduceGen.Runtime.Tests.Jobs;

namespace MapReduceGen.Runtime.Tests.TaskState;

/// <summary>
/// A job's [TaskSetup] method makes each task's state once: a map worker's and a partition's reduce each get their own,
/// made from the run's parameters the first time the task's code asks for it, and disposed when the task ends, whether
/// the run succeeds, fails or spills. Order inversion uses a reducer's state across the keys of a sorted partition.
/// </summary>
public sealed class TaskSetupTests : IDisposable
{
    private readonly TempDirectory _spill = new();

    public void Dispose() => _spill.Dispose();

    private static string[] Lines(int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => string.Join(' ', Enumerable.Range(0, 7).Select(_ => "w" + random.Next(60))))];
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 4)]
    public void Each_task_makes_its_state_once_and_disposes_it(int workers, int partitions)
    {
        string[] lines = Lines(4000, workers);
        var parameters = new RegexParameters(@"w1\d");
        int madeBefore = TaskRegex.Made;

        MapReduceResult<string, int> result = TaskRegexJob.Run(lines, parameters, new MapReduceOptions { MaxDegreeOfParallelism = workers, PartitionCount = partitions });

        var expected = lines.SelectMany(l => Regex.Matches(l, @"w1\d")).GroupBy(m => m.Value).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(expected.OrderBy(e => e.Key), result.OrderBy(e => e.Key));
        long setups = result.Statistics.Counters["setups"];
        Assert.Equal(setups, TaskRegex.Made - madeBefore);
        Assert.InRange(setups, 2, workers + partitions); // one per map worker that mapped, one per partition with keys
        Assert.Equal(0, TaskRegex.Alive);
    }

    [Fact]
    public void A_failed_run_disposes_every_state_it_made()
    {
        string[] lines = [.. Lines(3000, 9), "boom", .. Lines(3000, 10)];

        var failure = Assert.Throws<MapReduceException>(() =>
            TaskRegexJob.Run(lines, new RegexParameters(@"w\d+", FailOn: "boom"), new MapReduceOptions { MaxDegreeOfParallelism = 3 }));

        Assert.Contains("the line to fail on", failure.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, TaskRegex.Alive);
    }

    [Fact]
    public void A_state_whose_dispose_throws_fails_the_run_naming_it()
    {
        var failure = Assert.Throws<MapReduceException>(() => BrokenStateJob.Run(["a", "b", "a"]));

        Assert.Equal(MapReducePhase.Reduce, failure.Phase);
        Assert.Contains("the task state's Dispose threw", failure.Message, StringComparison.Ordinal);
        Assert.Equal("the state could not be released", failure.InnerException?.Message);
    }

    [Fact]
    public async Task Streamed_and_spilled_runs_dispose_every_state_too()
    {
        string[] lines = Lines(6000, 3);
        var options = new MapReduceOptions { MaxDegreeOfParallelism = 2, PartitionCount = 3, MemoryBudget = 16 * 1024, SpillDirectory = _spill.Path };
        var expected = TaskRegexJob.Run(lines, new RegexParameters(@"w\d+"));
        var streamed = new Dictionary<string, int>();

        await foreach (MapReducePartition<string, int> part in TaskRegexJob.StreamAsync(lines, new RegexParameters(@"w\d+"), options))
        {
            foreach (KeyValuePair<string, int> entry in part.Entries)
            {
                streamed.Add(entry.Key, entry.Value);
            }
        }

        Assert.Equal(expected.OrderBy(e => e.Key), streamed.OrderBy(e => e.Key));
        Assert.Equal(0, TaskRegex.Alive);
    }

    [Theory]
    [InlineData(1, 1, false)]
    [InlineData(3, 5, false)]
    [InlineData(2, 3, true)]
    public void Order_inversion_gives_each_pairs_relative_frequency(int workers, int partitions, bool spill)
    {
        string[] lines = Lines(3000, workers * 10 + partitions);
        var options = new MapReduceOptions { MaxDegreeOfParallelism = workers, PartitionCount = partitions };
        if (spill)
        {
            options.MemoryBudget = 16 * 1024;
            options.SpillDirectory = _spill.Path;
        }

        MapReduceRecords<(string Left, string Right, double Frequency)> frequencies = RelativeFrequencyJob.Run(lines, options);

        var pairs = lines.Select(l => l.Split(' ')).SelectMany(w => w.Skip(1).Select((right, i) => (Left: w[i], Right: right))).ToList();
        var totals = pairs.GroupBy(p => p.Left).ToDictionary(g => g.Key, g => g.Count());
        var expected = pairs.GroupBy(p => p).Select(g => (g.Key.Left, g.Key.Right, Frequency: g.Count() / (double)totals[g.Key.Left]))
            .OrderBy(f => f.Left, StringComparer.Ordinal).ThenBy(f => f.Right, StringComparer.Ordinal).ToList();
        Assert.Equal(expected, frequencies.OrderBy(f => f.Left, StringComparer.Ordinal).ThenBy(f => f.Right, StringComparer.Ordinal).ToList());
        Assert.Equal(spill, frequencies.Statistics.BytesSpilled > 0);
    }
}
