using MapReduceGen.Runtime.Tests.Inputs;
using MapReduceGen.Runtime.Tests.Jobs;
using MapReduceGen.Runtime.Tests.Support;

namespace MapReduceGen.Runtime.Tests.Runner;

/// <summary>
/// Properties over random inputs, chunk sizes, worker and partition counts: the counts add up to the
/// words emitted, and the result equals the sequential reference, for sequences and for text files.
/// </summary>
public sealed class WordCountPropertyTests
{
    [Fact]
    public void Sequences_CountsSumToWordsEmitted_AndEqualTheReference()
    {
        var random = new Random(2024);
        for (int round = 0; round < 100; round++)
        {
            string[] lines = RandomInputs.Lines(random, random.Next(0, 3000));
            var options = new MapReduceOptions
            {
                MaxDegreeOfParallelism = 1 + random.Next(8),
                PartitionCount = random.Next(0, 70),
                ChunkSize = random.Next(0, 100),
            };
            InputShape shape = InputShapes.All[random.Next(4)];

            MapReduceResult<string, int> result = WordCountJob.Run(InputShapes.As(lines, shape), options);

            long words = lines.Sum(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries).LongLength);
            string because = $"round {round}, {shape}, workers {options.MaxDegreeOfParallelism}, partitions {options.PartitionCount}, chunk {options.ChunkSize}";
            Assert.True(words == result.Values.Sum(v => (long)v), because);
            Assert.True(words == result.Statistics.PairsEmitted, because);
            ResultAssert.Matches(
                Reference.Fold(lines, l => PairCollector<string, int>.Collect(l, WordCountJob.Map), WordCountJob.Reduce), result, because);
        }
    }

    [Fact]
    public void TextFiles_CountsSumToWordsEmitted_AndEqualTheReference()
    {
        using var dir = new TempDirectory();
        var random = new Random(2025);
        for (int round = 0; round < 30; round++)
        {
            int files = 1 + random.Next(4);
            var all = new List<string>();
            var paths = new List<string>();
            for (int f = 0; f < files; f++)
            {
                string[] lines = TextFiles.RandomLines(random, random.Next(0, 300));
                all.AddRange(lines);
                paths.Add(dir.WriteFile(
                    $"r{round}/f{f}.txt",
                    TextFiles.Encode(lines, TextFiles.Terminators[random.Next(3)], random.Next(2) == 0, random.Next(2) == 0)));
            }

            var source = TextSource.FromPaths(paths);
            source.SplitBytes = random.Next(3) == 0 ? 0 : random.Next(1, 500);
            var options = new MapReduceOptions { MaxDegreeOfParallelism = 1 + random.Next(8), PartitionCount = random.Next(0, 70) };

            MapReduceResult<string, int> result = WordCountJob.Run(source, options);

            long words = all.Sum(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries).LongLength);
            string because = $"round {round}, split {source.SplitBytes}, workers {options.MaxDegreeOfParallelism}";
            Assert.True(words == result.Values.Sum(v => (long)v), because);
            ResultAssert.Matches(
                Reference.Fold(all, l => PairCollector<string, int>.Collect(l, WordCountJob.Map), WordCountJob.Reduce), result, because);
        }
    }
}
