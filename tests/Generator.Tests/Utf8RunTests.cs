using MapReduceGen.Generator.Tests.Infrastructure;

namespace MapReduceGen.Generator.Tests;

/// <summary>
/// <c>RunUtf8</c> for every job it can serve: one mapper of lines whose class also implements
/// <c>IUtf8TextMapper&lt;TKey, TValue&gt;</c>, whatever the reducer's shape, with the job's parameters, and with a mapper
/// that takes <c>Counters</c> (which the UTF-8 mapper does not see).
/// </summary>
public sealed class Utf8RunTests
{
    [Fact]
    public void A_job_of_any_shape_with_parameters_and_counters_runs_over_utf8_blocks_as_over_lines()
    {
        string output = Scenario.Execute("""
            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.Text;
            using MapReduceGen;

            public sealed partial class LongWords : IUtf8TextMapper<string, int>
            {
                private LongWords()
                {
                }

                [Mapper]
                public static void Map(string line, Emitter<string, int> emit, Counters counters)
                {
                    counters.Increment("lines");
                    foreach (string word in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    {
                        emit.Emit(word, 1);
                    }
                }

                public static void MapLines(ReadOnlySpan<byte> lines, Emitter<string, int> emitter)
                {
                    foreach (string word in Encoding.UTF8.GetString(lines).Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries))
                    {
                        emitter.EmitUtf8(Encoding.UTF8.GetBytes(word), 1);
                    }
                }

                [Combiner]
                public static int Combine(int left, int right) => left + right;

                [Reducer(SortByKey = true)]
                public static void Reduce(string word, int count, RecordOutput<string> output, int minimum)
                {
                    if (word.Length >= minimum)
                    {
                        output.Add(word + "=" + count);
                    }
                }
            }

            internal static class Probe
            {
                public static string Execute()
                {
                    string[] lines = ["the quick brown fox", "brown bears and the quick", "fox"];
                    string path = Path.GetTempFileName();
                    try
                    {
                        File.WriteAllLines(path, lines);
                        var options = new MapReduceOptions { MaxDegreeOfParallelism = 2 };
                        var fromLines = LongWords.Run(TextSource.FromFiles(path), 5, options);
                        var fromBlocks = LongWords.RunUtf8(TextSource.FromFiles(path), 5, options);
                        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(string.Join("\n", lines)));
                        var fromStream = LongWords.RunUtf8(stream, 5, options);
                        return string.Join(",", fromLines) + " | " + string.Join(",", fromBlocks) + " | " + string.Join(",", fromStream) +
                            " | lines counted by the line mapper only: " + fromLines.Statistics.Counters.GetValueOrDefault("lines") +
                            "," + fromBlocks.Statistics.Counters.GetValueOrDefault("lines");
                    }
                    finally
                    {
                        File.Delete(path);
                    }
                }
            }
            """);

        Assert.Equal(
            "bears=1,brown=2,quick=2 | bears=1,brown=2,quick=2 | bears=1,brown=2,quick=2 | lines counted by the line mapper only: 3,0",
            output);
    }
}
