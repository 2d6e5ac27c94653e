using MapReduceGen;
using Package.Consumer.Data;
using Package.Consumer.Jobs;

namespace Package.Tests;

/// <summary>WordFrequencyJob: string keys emitted as spans, fold reducer, sequence and text-file inputs.</summary>
public class StringKeyFoldTests
{
    private static readonly string[] Lines = ConsumerData.Lines(3_000, seed: 21);

    [Fact]
    public void CountsLowerCasedWords()
    {
        var result = WordFrequencyJob.Run(["The cat, the HAT.", "", "Straße straße cat"]);

        Assert.Equal(4, result.Count);
        Assert.Equal(2, result["the"]);
        Assert.Equal(2, result["cat"]);
        Assert.Equal(1, result["hat"]);
        Assert.Equal(2, result["straße"]);
        Assert.False(result.ContainsKey("The"));
        Assert.Equal(3, result.Statistics.InputsRead);
        Assert.Equal(7, result.Statistics.PairsEmitted);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 3)]
    [InlineData(4, 16)]
    public void MatchesASingleThreadedCountOnAnyLayout(int workers, int partitions)
    {
        var options = new MapReduceOptions { MaxDegreeOfParallelism = workers, PartitionCount = partitions, ChunkSize = 50 };

        var result = WordFrequencyJob.Run(Lines, options);

        Assert.Null(ResultDifference.Describe(result, Expected.WordFrequency(Lines)));
    }

    [Fact]
    public void TopListsTheMostFrequentWordsWithTiesInOrdinalOrder()
    {
        var result = WordFrequencyJob.Run(["b a", "a c b", "d"]);

        Assert.Equal(
            [new("a", 2), new("b", 2), new("c", 1)],
            result.Top(3));
        Assert.Equal(Expected.TopWords(Expected.WordFrequency(Lines), 10), WordFrequencyJob.Run(Lines).Top(10));
    }

    [Fact]
    public void ReadsTextFilesWithEveryLineEnding()
    {
        string folder = Directory.CreateTempSubdirectory("mapreducegen-package-tests-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "lf.txt"), string.Join("\n", Lines.Take(1_000)));
            File.WriteAllText(Path.Combine(folder, "crlf.txt"), string.Join("\r\n", Lines.Skip(1_000).Take(1_000)));
            File.WriteAllText(Path.Combine(folder, "cr.txt"), string.Join("\r", Lines.Skip(2_000)));
            TextSource source = TextSource.FromPaths(folder);
            source.SplitBytes = 2_048;

            var result = WordFrequencyJob.Run(source, new MapReduceOptions { MaxDegreeOfParallelism = 3 });

            Assert.Null(ResultDifference.Describe(result, Expected.WordFrequency(Lines)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
