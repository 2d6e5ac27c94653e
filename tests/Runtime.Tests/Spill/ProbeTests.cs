using Xunit.Abstractions;
using System.Diagnostics;
using MapReduceGen.Runtime.Tests.Flooding;
using MapReduceGen.Runtime.Tests.Inputs;
using MapReduceGen.Runtime.Tests.Jobs;

namespace MapReduceGen.Runtime.Tests.Spill;

/// <summary>A line is its own key (a 1 MB line is a 1 MB key; an empty line the empty key).</summary>
internal static partial class LineKeyJob
{
    [Mapper]
    public static void Map(string line, Emitter<string, long> emit) => emit.Emit(line, 1);

    [Reducer]
    public static long Reduce(long left, long right) => left + right;
}

/// <summary>A grouping job over int keys with int values.</summary>
internal static partial class IntGroupJob
{
    [Mapper]
    public static void Map(int input, Emitter<int, int> emit) => emit.Emit(input < 0 ? -1 : input, input);

    [Reducer]
    public static long Reduce(int key, ReadOnlySpan<int> values) => values.Length;
}

public sealed class ProbeTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory _spill = new();

    public void Dispose() => _spill.Dispose();

    [Theory]
    [InlineData(1L << 62)]
    [InlineData(long.MaxValue)]
    [InlineData(long.MaxValue / 2)]
    public void Huge_budget(long budget)
    {
        int[] inputs = [.. Enumerable.Range(0, 50_000)];
        var result = IntGroupJob.Run(inputs, Options(2, budget));
        Assert.Equal(50_000, result.Count);
        Assert.Equal(0, result.Statistics.BytesSpilled);
    }

    [Theory]
    [InlineData(1L, 1)]
    [InlineData(1024L, 2)]
    public void Tiny_budget_many_inputs(long budget, int workers)
    {
        HookedInput[] inputs = [.. Enumerable.Range(0, 400_000).Select(i => new HookedInput(i % 100_000))];
        var clock = Stopwatch.StartNew();
        var result = HookedCountJob.Run(inputs, Options(workers, budget));
        output.WriteLine($"{clock.Elapsed} spilled {result.Statistics.BytesSpilled:N0} peak {Process.GetCurrentProcess().PeakWorkingSet64:N0}");
        Assert.Equal(100_000, result.Count);
        Assert.All(result, e => Assert.Equal(4, e.Value));
    }

    [Theory]
    [InlineData("ff")]
    [InlineData("zero")]
    [InlineData("random")]
    [InlineData("half")]
    [InlineData("length")]
    public void Corrupt_spill_file(string how)
    {
        HookedInput[] inputs = [.. Enumerable.Range(0, 60_000).Select(i => new HookedInput(i % 20_000, i == 59_999 ? () => Corrupt(how) : null))];
        var failure = Record.Exception(() => HookedCountJob.Run(inputs, Options(1, 16 * 1024)));
        output.WriteLine(failure?.ToString() ?? "no failure");
        var mr = Assert.IsType<MapReduceException>(failure);
        Assert.Contains("reading spilled map output failed", mr.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_spill.Path, "mapreducegen-spill-*"));
    }

    [Fact]
    public void Colliding_keys_in_one_block()
    {
        List<string> words = CollidingKeys.Words(30_000);
        string[] lines = [.. words, .. words, .. words];
        var clock = Stopwatch.StartNew();
        var result = LineKeyJob.Run(lines, Options(2, 16 * 1024));
        output.WriteLine($"{clock.Elapsed} spilled {result.Statistics.BytesSpilled:N0}");
        Assert.Equal(30_000, result.Count);
        Assert.All(result, e => Assert.Equal(3, e.Value));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20));
    }

    [Fact]
    public void Megabyte_and_empty_keys()
    {
        string big = new('x', 1 << 20);
        string big2 = new('y', (1 << 20) + 3);
        string[] lines = [.. Enumerable.Range(0, 3000).SelectMany(i => new[] { "k" + (i % 500), "", i % 1000 == 0 ? big : "z", i % 1500 == 7 ? big2 : "" })];
        var expected = LineKeyJob.Run(lines, Options(2, 0));
        var spilled = LineKeyJob.Run(lines, Options(2, 8 * 1024));
        Assert.True(spilled.Statistics.BytesSpilled > 0);
        Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal), spilled.OrderBy(e => e.Key, StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(4096, true)]
    [InlineData(4097, false)]
    public void Values_exactly_at_the_budget(int values, bool fits)
    {
        int[] inputs = [.. Enumerable.Range(0, 20_000), .. Enumerable.Range(0, values).Select(i => -1 - i)];
        var failure = Record.Exception(() => IntGroupJob.Run(inputs, Options(1, 16 * 1024)));
        output.WriteLine(failure?.ToString() ?? "ok");
        Assert.Equal(fits, failure is null);
    }

    private void Corrupt(string how)
    {
        foreach (string file in Directory.EnumerateFiles(_spill.Path, "*.run", SearchOption.AllDirectories))
        {
            byte[] bytes = File.ReadAllBytes(file);
            switch (how)
            {
                case "ff": Array.Fill(bytes, (byte)0xFF); break;
                case "zero": Array.Fill(bytes, (byte)0); break;
                case "random": new Random(5).NextBytes(bytes); break;
                case "half": bytes = bytes[..(bytes.Length / 2)]; break;
                case "length": bytes[0] = 0xFF; bytes[1] = 0xFF; bytes[2] = 0xFF; bytes[3] = 0xFF; bytes[4] = 0x07; break;
            }

            File.WriteAllBytes(file, bytes);
        }
    }

    private MapReduceOptions Options(int workers, long budget) => new()
    {
        MaxDegreeOfParallelism = workers,
        MemoryBudget = budget,
        SpillDirectory = _spill.Path,
    };
}
