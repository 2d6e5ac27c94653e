using MapReduceGen.Engine;
using MapReduceGen.Runtime.Tests.Inputs;
using TeraSort;

namespace MapReduceGen.Runtime.Tests.Spill;

/// <summary>
/// TeraSort at test size, with bench/scenarios/TeraSort's generator, job and validator compiled in: 20,000 gensort-style records
/// sorted by key to a file per partition with a budget of a few kilobytes, so map tasks spill many sorted runs and every
/// partition is merged from disk; the part files, read in order, must be globally sorted and hold every input record
/// (count and checksum). The validator itself is shown to catch an output out of order, short of a record, or with a
/// record changed.
/// </summary>
public sealed class TeraSortTests : IDisposable
{
    private const int Records = 20_000;
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 5)]
    [InlineData(3, 16)]
    public async Task A_spilling_sort_writes_parts_that_are_globally_sorted_and_hold_every_record(int workers, int partitions)
    {
        string input = Input();
        string output = _directory.Combine("out");

        MapReduceFileOutput files = await Sort(input, output, workers, partitions, budget: 64 * 1024);

        TeraValidation validation = TeraValidate.Validate(input, output);
        Assert.True(validation.Ok, validation.Message);
        Assert.Equal(Records, validation.Output.Records);
        Assert.True(files.Statistics.BytesSpilled > 0, "the map tasks spilled");
        Assert.Equal(partitions, files.Files.Count);
        Assert.Equal(Records, files.Files.Sum(f => f.Records));
        Assert.All(files.Files, f => Assert.True(f.Records > 0, $"{f.Path} is empty: the key ranges were not sampled from the data"));
        Assert.Empty(Directory.EnumerateDirectories(_directory.Combine("spill"), "mapreducegen-spill-*"));
    }

    [Fact]
    public async Task Records_with_equal_keys_are_all_kept()
    {
        // Every record three times: keys repeat within and across map tasks and spilled runs.
        string once = Input();
        string input = _directory.Combine("thrice.txt");
        byte[] records = File.ReadAllBytes(once);
        File.WriteAllBytes(input, [.. records, .. records, .. records]);
        string output = _directory.Combine("out");

        await Sort(input, output, workers: 2, partitions: 4, budget: 64 * 1024);

        TeraValidation validation = TeraValidate.Validate(input, output);
        Assert.True(validation.Ok, validation.Message);
        Assert.Equal(3 * Records, validation.Output.Records);
    }

    [Fact]
    public void Generated_records_have_the_gensort_ascii_layout()
    {
        string input = Input();
        byte[] bytes = File.ReadAllBytes(input);

        Assert.Equal(Records * TeraRecord.Length, bytes.Length);
        for (int i = 0; i < Records; i++)
        {
            ReadOnlySpan<byte> record = bytes.AsSpan(i * TeraRecord.Length, TeraRecord.Length);
            Assert.All(record[..TeraRecord.KeyLength].ToArray(), b => Assert.InRange(b, (byte)' ', (byte)'~'));
            Assert.Equal("  ", Text(record[10..12]));
            Assert.Equal(i.ToString("X32", System.Globalization.CultureInfo.InvariantCulture), Text(record[12..44]));
            Assert.Equal("  ", Text(record[44..46]));
            for (int digit = 0; digit < 13; digit++)
            {
                ReadOnlySpan<byte> group = record.Slice(46 + (4 * digit), 4);
                Assert.True(Uri.IsHexDigit((char)group[0]) && group.IndexOfAnyExcept(group[0]) < 0, $"record {i}: filler digit {digit}");
            }

            Assert.Equal("\r\n", Text(record[98..]));
        }

        // Deterministic: the same seed makes the same records, another seed others.
        string again = _directory.Combine("again.txt");
        TeraRecord.Generate(again, Records);
        Assert.Equal(bytes, File.ReadAllBytes(again));
        TeraRecord.Generate(again, Records, seed: 1);
        Assert.NotEqual(bytes.AsSpan(0, TeraRecord.KeyLength).ToArray(), File.ReadAllBytes(again).AsSpan(0, TeraRecord.KeyLength).ToArray());
    }

    [Fact]
    public async Task The_validator_names_a_record_out_of_order_across_files()
    {
        (string input, string output, string[] parts) = await SortedParts();
        string[] first = File.ReadAllLines(parts[0]);
        string[] second = File.ReadAllLines(parts[1]);
        (first[^1], second[0]) = (second[0], first[^1]);
        File.WriteAllLines(parts[0], first);
        File.WriteAllLines(parts[1], second);

        TeraValidation validation = TeraValidate.Validate(input, output);

        Assert.False(validation.Ok);
        Assert.StartsWith($"out of order: part-00001.tsv line 1 (record {first.Length + 1:N0} of the output)", validation.Message, StringComparison.Ordinal);
        Assert.EndsWith("(the last key of part-00000.tsv)", validation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_validator_finds_a_lost_record()
    {
        (string input, string output, string[] parts) = await SortedParts();
        string[] lines = File.ReadAllLines(parts[2]);
        File.WriteAllLines(parts[2], lines.Where((_, i) => i != lines.Length / 2));

        TeraValidation validation = TeraValidate.Validate(input, output);

        Assert.False(validation.Ok);
        Assert.StartsWith("record count differs: the output has 19,999 records", validation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_validator_finds_a_changed_or_duplicated_record()
    {
        (string input, string output, string[] parts) = await SortedParts();
        string[] lines = File.ReadAllLines(parts[1]);
        string[] changed = [.. lines];
        changed[7] = lines[7][..^1] + (lines[7][^1] == '0' ? '1' : '0');
        string[] duplicated = [.. lines];
        duplicated[8] = lines[7]; // a record twice, the next one lost: the same count, still in order

        File.WriteAllLines(parts[1], changed);
        TeraValidation afterChange = TeraValidate.Validate(input, output);
        File.WriteAllLines(parts[1], duplicated);
        TeraValidation afterDuplication = TeraValidate.Validate(input, output);
        File.WriteAllLines(parts[1], lines);
        TeraValidation restored = TeraValidate.Validate(input, output);

        Assert.False(afterChange.Ok);
        Assert.StartsWith("checksum differs", afterChange.Message, StringComparison.Ordinal);
        Assert.False(afterDuplication.Ok);
        Assert.StartsWith("checksum differs", afterDuplication.Message, StringComparison.Ordinal);
        Assert.True(restored.Ok, restored.Message);
    }

    [Fact]
    public void The_validator_refuses_an_output_without_its_success_marker()
    {
        string output = _directory.Combine("half");
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "part-00000.tsv"), "");

        Assert.Throws<IOException>(() => TeraValidate.Validate(new TeraSummary(0, 0), output));
    }

    private static string Text(ReadOnlySpan<byte> bytes) => System.Text.Encoding.ASCII.GetString(bytes);

    private string Input()
    {
        string path = _directory.Combine("input.txt");
        if (!File.Exists(path))
        {
            TeraRecord.Generate(path, Records);
        }

        return path;
    }

    private async Task<(string Input, string Output, string[] Parts)> SortedParts()
    {
        string input = Input();
        string output = _directory.Combine("out");
        MapReduceFileOutput files = await Sort(input, output, workers: 2, partitions: 4, budget: 64 * 1024);
        Assert.True(TeraValidate.Validate(input, output).Ok);
        return (input, output, [.. files.Files.Select(f => f.Path)]);
    }

    private Task<MapReduceFileOutput> Sort(string input, string output, int workers, int partitions, long budget) =>
        MapReduceEngine.RunToFilesAsync(
            TeraSortJob.MapReduceJob.Definition,
            [JobInputs.Lines(TextSource.FromFiles(input))],
            TaskContext.Empty(),
            output,
            MapReduceFileFormat.Tsv,
            new MapReduceOptions
            {
                MaxDegreeOfParallelism = workers,
                PartitionCount = partitions,
                MemoryBudget = budget,
                SpillDirectory = _directory.Combine("spill"),
            });
}
