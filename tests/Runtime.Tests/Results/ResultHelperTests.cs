using MapReduceGen.Engine.Ordering;

namespace MapReduceGen.Runtime.Tests.Results;

/// <summary>The result types and their helpers: records across partitions, Top by comparer or selector, counters, merges.</summary>
public sealed class ResultHelperTests
{
    private static MapReduceStatistics Statistics => new() { JobName = "test" };

    [Fact]
    public void Records_are_indexed_and_enumerated_across_empty_and_full_partitions()
    {
        IReadOnlyList<int>[] partitions = [[], [1, 2], [], [], [3], [4, 5, 6], []];
        var records = new MapReduceRecords<int>(partitions, null, Statistics);

        Assert.Equal(6, records.Count);
        Assert.Equal([1, 2, 3, 4, 5, 6], records);
        Assert.Equal([1, 2, 3, 4, 5, 6], Enumerable.Range(0, records.Count).Select(i => records[i]));
        Assert.Equal(7, records.PartitionCount);
        Assert.Equal([4, 5, 6], records.Partition(5));
        Assert.Throws<ArgumentOutOfRangeException>(() => records[6]);
        Assert.Throws<ArgumentOutOfRangeException>(() => records.Partition(7));
    }

    [Fact]
    public void Records_in_an_output_order_enumerate_in_that_order_and_keep_their_partitions()
    {
        IReadOnlyList<string>[] partitions = [["b"], ["a", "c"]];
        var records = new MapReduceRecords<string>(partitions, ["a", "b", "c"], Statistics);

        Assert.Equal(["a", "b", "c"], records);
        Assert.Equal("b", records[1]);
        Assert.Equal(["a", "c"], records.Partition(1));
    }

    [Fact]
    public void Top_by_comparer_and_by_selector_break_ties_by_key()
    {
        MapReduceResult<string, (int Count, string Label)> result = MapReduceResult.Create<string, (int, string)>(
            [new("b", (2, "x")), new("a", (2, "y")), new("c", (5, "z")), new("d", (1, "w"))], Statistics);

        var byCount = result.Top(3, Comparer<(int Count, string Label)>.Create((l, r) => l.Count.CompareTo(r.Count)));
        var byLabel = result.Top(2, entry => entry.Value.Label);
        var byKey = result.Top(1, entry => entry.Key);

        Assert.Equal(["c", "a", "b"], byCount.Select(e => e.Key));
        Assert.Equal(["c", "a"], byLabel.Select(e => e.Key));
        Assert.Equal("d", byKey.Single().Key);
        Assert.Throws<ArgumentOutOfRangeException>(() => result.Top(-1, entry => entry.Key));
    }

    [Fact]
    public void Counters_add_up_by_name()
    {
        var counters = new Counters();
        counters.Increment("a");
        counters.Increment("a", 4);
        counters.Increment("b", -2);
        var totals = new Dictionary<string, long>(StringComparer.Ordinal) { ["a"] = 1 };

        counters.AddTo(totals);

        Assert.Equal(5, counters["a"]);
        Assert.Equal(0, counters["missing"]);
        Assert.Equal(6, totals["a"]);
        Assert.Equal(-2, totals["b"]);
        Assert.Equal(2, counters.ToDictionary().Count);
    }

    [Fact]
    public void Sorted_runs_merge_stably_with_ties_to_the_earlier_run()
    {
        int[][] runs = [[1, 4, 4, 9], [], [2, 4, 8], [0]];

        var merged = SortedRuns.Merge([.. runs.Select(r => r.Length)], (ra, ia, rb, ib) => runs[ra][ia].CompareTo(runs[rb][ib]));

        Assert.Equal([0, 1, 2, 4, 4, 4, 8, 9], merged.Select(p => runs[p.Run][p.Index]));
        Assert.Equal([(0, 1), (0, 2), (2, 1)], merged.Where(p => runs[p.Run][p.Index] == 4));
    }

    [Fact]
    public void Split_points_cut_a_sorted_sample_into_equal_parts()
    {
        var samples = Enumerable.Range(0, 100).Reverse().ToList();

        int[] splits = SplitPoints.Choose(samples, 4, (a, b) => a.CompareTo(b));

        Assert.Equal([25, 50, 75], splits);
        Assert.Empty(SplitPoints.Choose(new List<int>(), 4, (a, b) => a.CompareTo(b)));
        Assert.Equal([1, 3, 5], SplitPoints.Stride(6, 3)); // the middle of each stride
    }
}
