using MapReduceGen.Generator.Tests.Infrastructure;

namespace MapReduceGen.Generator.Tests;

/// <summary>
/// The distinct shape, compiled from source and run: a reducer of keys only (<c>R Reduce(TKey key)</c>, or writing
/// records) sees every distinct key once, whatever the values were, sorted by key over key-range partitions, from text
/// files as from sequences, with the run's parameters and counters.
/// </summary>
public sealed class DistinctRunTests
{
    [Fact]
    public void A_reducer_of_keys_only_returns_one_result_per_distinct_key_sorted_from_text_files()
    {
        string output = Scenario.Execute("""
            using System;
            using System.IO;
            using System.Linq;
            using MapReduceGen;

            public static partial class DistinctWords
            {
                [Mapper]
                public static void Map(string line, Emitter<string, double> emit)
                {
                    foreach (var word in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    {
                        emit.Emit(word, word.Length * 1.5);
                    }
                }

                [Reducer(SortByKey = true)]
                public static int Reduce(string word) => word.Length;
            }

            internal static class Probe
            {
                public static string Execute()
                {
                    string[] lines = ["the quick brown fox", "jumps over the lazy dog", "the end", "brown dog"];
                    string path = Path.GetTempFileName();
                    try
                    {
                        File.WriteAllLines(path, lines);
                        var options = new MapReduceOptions { MaxDegreeOfParallelism = 2, PartitionCount = 3 };
                        var fromFile = DistinctWords.Run(TextSource.FromFiles(path), options);
                        var fromLines = DistinctWords.Run(lines, options);
                        string keys = string.Join(",", fromFile.Select(e => e.Key + "=" + e.Value));
                        bool same = fromFile.OrderBy(e => e.Key, StringComparer.Ordinal).SequenceEqual(fromLines.OrderBy(e => e.Key, StringComparer.Ordinal));
                        return $"{keys} | {fromFile.Count} of {fromFile.Statistics.PairsEmitted} pairs, same as lines: {same}";
                    }
                    finally
                    {
                        File.Delete(path);
                    }
                }
            }
            """);

        Assert.Equal("brown=5,dog=3,end=3,fox=3,jumps=5,lazy=4,over=4,quick=5,the=3 | 9 of 13 pairs, same as lines: True", output);
    }

    [Fact]
    public void A_reducer_of_keys_only_writes_records_with_the_runs_parameters_and_counters_in_key_order()
    {
        string output = Scenario.Execute("""
            using System;
            using System.IO;
            using MapReduceGen;

            public static partial class PagesOfUsers
            {
                [Mapper]
                public static void Map(string line, Emitter<(string User, string Page), string> emit, Counters counters)
                {
                    counters.Increment("lines");
                    var parts = line.Split(' ');
                    emit.Emit((parts[0], parts[1]), line);
                }

                [Reducer(SortByKey = true)]
                public static void Reduce((string User, string Page) visit, RecordOutput<string> output, string prefix, Counters counters)
                {
                    counters.Increment("distinct");
                    if (visit.Page.StartsWith(prefix, StringComparison.Ordinal))
                    {
                        output.Add(visit.User + "->" + visit.Page);
                    }
                }
            }

            internal static class Probe
            {
                public static string Execute()
                {
                    string path = Path.GetTempFileName();
                    try
                    {
                        File.WriteAllLines(path, ["bob /a/1", "ann /b/1", "bob /a/1", "ann /a/2", "cid /a/1", "ann /a/2", "bob /b/2", "ann /a/1"]);
                        var records = PagesOfUsers.Run(TextSource.FromFiles(path), "/a/", new MapReduceOptions { MaxDegreeOfParallelism = 2, PartitionCount = 2 });
                        var counters = records.Statistics.Counters;
                        return string.Join(",", records) + " | " + counters["lines"] + " lines, " + counters["distinct"] + " distinct";
                    }
                    finally
                    {
                        File.Delete(path);
                    }
                }
            }
            """);

        Assert.Equal("ann->/a/1,ann->/a/2,bob->/a/1,cid->/a/1 | 8 lines, 6 distinct", output);
    }
}
