using System.Text;
using MapReduceGen.Runtime.Tests.Support;

namespace Sample.WordCount.Tests;

/// <summary>
/// The <c>--tsv</c> sorter puts entries in output order (count descending, then word by code point) whether they fit in
/// its budget or go to disk as sorted runs, leaves no file behind, and reports a temporary file it cannot write as one
/// error naming the file.
/// </summary>
public sealed class CountOrderSorterTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(64L << 20, 0)]
    [InlineData(256L << 10, 3)]
    [InlineData(48L << 10, 9)]
    public void Entries_come_in_count_then_code_point_order_in_memory_or_merged_from_disk(long budget, int fewestRuns)
    {
        List<(byte[] Word, int Count)> entries = Entries(40_000, seed: 1);
        using var sorter = new CountOrderSorter(budget, _temp.Path);

        foreach ((byte[] word, int count) in entries)
        {
            sorter.Add(word, count);
        }

        Assert.Equal(Shown(Expected(entries)), Shown(Written(sorter)));
        Assert.True(sorter.RunCount >= fewestRuns, $"{sorter.RunCount} runs");
        Assert.Equal(fewestRuns == 0, sorter.BytesSpilled == 0);
    }

    [Fact]
    public void Words_given_as_characters_sort_by_code_point_not_by_UTF_16()
    {
        // U+FF61 sorts before U+1F600 by code point, after it by UTF-16 code unit (a surrogate is 0xD83D).
        string[] words = ["\uFF61", "\U0001F600", "naïve", "naive", "z", "Z", "café", "cafe\u0301", ""];
        using var sorter = new CountOrderSorter(48L << 10, _temp.Path);
        foreach (string word in words)
        {
            sorter.Add(word.AsSpan(), 7);
        }

        string[] written = [.. Written(sorter).Select(e => Encoding.UTF8.GetString(e.Word))];

        Assert.Equal(words.Order(CodePointComparer.Instance), written);
    }

    [Fact]
    public void Words_sharing_long_prefixes_and_words_longer_than_a_block_quarter_keep_their_order()
    {
        var entries = new List<(byte[] Word, int Count)>();
        var random = new Random(5);
        string prefix = new('p', 40);
        for (int i = 0; i < 5_000; i++)
        {
            entries.Add((Encoding.UTF8.GetBytes(prefix + random.Next(1_000_000)), random.Next(1, 4)));
        }

        entries.Add(([.. Enumerable.Repeat((byte)'x', 300_000)], 2)); // longer than a quarter of a 1 MiB block
        entries.Add(([.. Enumerable.Repeat((byte)'x', 300_001)], 2));
        entries.Add(([0, 0, 1], 2)); // NUL bytes sort first
        entries.Add(([0, 0], 2));
        using var sorter = new CountOrderSorter(128L << 10, _temp.Path);
        foreach ((byte[] word, int count) in entries)
        {
            sorter.Add(word, count);
        }

        Assert.Equal(Shown(Expected(entries)), Shown(Written(sorter)));
        Assert.True(sorter.RunCount > 1);
    }

    [Fact]
    public void The_temporary_file_is_gone_while_in_use_and_after()
    {
        using (var sorter = new CountOrderSorter(48L << 10, _temp.Path))
        {
            foreach ((byte[] word, int count) in Entries(20_000, seed: 2))
            {
                sorter.Add(word, count);
            }

            Assert.True(sorter.RunCount > 1);
            Assert.Empty(Directory.EnumerateFileSystemEntries(_temp.Path)); // unlinked when created (Unix) or deleted on close
            _ = Written(sorter);
        }

        Assert.Empty(Directory.EnumerateFileSystemEntries(_temp.Path));
    }

    [Fact]
    public void A_temporary_folder_that_does_not_exist_is_an_error_naming_the_file()
    {
        string missing = _temp.Combine("missing");
        using var sorter = new CountOrderSorter(48L << 10, missing);

        var error = Assert.Throws<TemporaryFileException>(() =>
        {
            foreach ((byte[] word, int count) in Entries(20_000, seed: 3))
            {
                sorter.Add(word, count);
            }
        });

        Assert.StartsWith(Path.Combine(missing, "wordcount-sort-"), error.Path, StringComparison.Ordinal);
        Assert.Contains($"cannot use the temporary file '{error.Path}'", error.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void A_full_disk_is_an_error_naming_the_file_and_leaves_nothing()
    {
        string disk = _temp.Combine("disk");
        Directory.CreateDirectory(disk);
        Skip.IfNot(SmallDisk.TryMount(disk, "256k"), "needs root to mount a tmpfs");
        try
        {
            using var sorter = new CountOrderSorter(48L << 10, disk);

            var error = Assert.Throws<TemporaryFileException>(() =>
            {
                foreach ((byte[] word, int count) in Entries(100_000, seed: 4))
                {
                    sorter.Add(word, count);
                }
            });

            Assert.Contains("No space left on device", error.Message, StringComparison.Ordinal);
            Assert.Empty(Directory.EnumerateFileSystemEntries(disk));
        }
        finally
        {
            SmallDisk.Unmount(disk);
        }
    }

    [Fact]
    public void Cancelling_stops_the_merge()
    {
        using var sorter = new CountOrderSorter(48L << 10, _temp.Path);
        foreach ((byte[] word, int count) in Entries(20_000, seed: 6))
        {
            sorter.Add(word, count);
        }

        using var cancel = new CancellationTokenSource();
        var writer = new CancellingWriter(cancel, after: 5_000);

        Assert.Throws<OperationCanceledException>(() => sorter.WriteTo(ref writer, cancel.Token));
        Assert.InRange(writer.Written, 5_000, 5_000 + 4096);
    }

    // Distinct words of 1 to 16 letters with counts from 1 to 50, so both keys of the order matter.
    private static List<(byte[] Word, int Count)> Entries(int count, int seed)
    {
        var random = new Random(seed);
        var words = new HashSet<string>(StringComparer.Ordinal);
        var entries = new List<(byte[], int)>(count);
        while (entries.Count < count)
        {
            var word = new string([.. Enumerable.Range(0, random.Next(1, 17)).Select(_ => (char)('a' + random.Next(26)))]);
            if (words.Add(word))
            {
                entries.Add((Encoding.UTF8.GetBytes(word), random.Next(1, 51)));
            }
        }

        return entries;
    }

    private static List<(byte[] Word, int Count)> Expected(List<(byte[] Word, int Count)> entries) =>
        [.. entries.OrderByDescending(e => e.Count).ThenBy(e => e.Word, Comparer<byte[]>.Create((a, b) => a.AsSpan().SequenceCompareTo(b)))];

    private static List<(string Word, int Count)> Shown(List<(byte[] Word, int Count)> entries) =>
        [.. entries.Select(e => (Convert.ToHexString(e.Word), e.Count))];

    private static List<(byte[] Word, int Count)> Written(CountOrderSorter sorter)
    {
        var writer = new ListWriter([]);
        sorter.WriteTo(ref writer);
        return writer.Entries;
    }

    private readonly struct ListWriter(List<(byte[] Word, int Count)> entries) : ICountedWordWriter
    {
        public List<(byte[] Word, int Count)> Entries => entries;

        public void Write(ReadOnlySpan<byte> word, int count) => entries.Add((word.ToArray(), count));
    }

    private struct CancellingWriter(CancellationTokenSource cancel, int after) : ICountedWordWriter
    {
        public int Written { get; private set; }

        public void Write(ReadOnlySpan<byte> word, int count)
        {
            if (++Written == after)
            {
                cancel.Cancel();
            }
        }
    }
}
