using MapReduceGen.Generator.Tests.Infrastructure;

namespace MapReduceGen.Generator.Tests;

/// <summary>
/// Jobs that use parameters, counters, combiners and orders, compiled from source with the generator and run for real: parameters, counters, combiners with
/// finishing and grouping reducers, reducers that write records, several inputs, ordering (sorted keys, total order,
/// key, value and output comparers, partitioners). Each scenario's generated code compiles with no diagnostic at all.
/// </summary>
public sealed class ParametersCombinersAndOrderingRunTests
{
    [Fact]
    public void Parameters_reach_the_mapper_and_reducer_and_counters_are_summed()
    {
        string output = Scenario.Execute("""
            using System;
            using MapReduceGen;

            public sealed record GrepOptions(string Needle, int MinimumCount);

            public static partial class Grep
            {
                [Mapper]
                public static void Map(string line, Emitter<string, int> emit, GrepOptions options, Counters counters)
                {
                    counters.Increment("lines");
                    foreach (var word in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    {
                        if (word.Contains(options.Needle, StringComparison.Ordinal))
                        {
                            counters.Increment("matches");
                            emit.Emit(word, 1);
                        }
                    }
                }

                [Reducer]
                public static void Reduce(string word, ReadOnlySpan<int> ones, RecordOutput<(string Word, int Count)> output, Counters counters, GrepOptions options)
                {
                    if (ones.Length >= options.MinimumCount)
                    {
                        counters.Increment("kept");
                        output.Add((word, ones.Length));
                    }
                }
            }

            internal static class Probe
            {
                public static string Execute()
                {
                    string[] lines = ["cat catalog dog", "cat concat", "dog cat"];
                    var records = Grep.Run(lines, new GrepOptions("cat", 2), new MapReduceOptions { MaxDegreeOfParallelism = 2, ChunkSize = 1 });
                    var counters = records.Statistics.Counters;
                    return string.Join(",", records) + "|" + counters["lines"] + "," + counters["matches"] + "," + counters["kept"];
                }
            }
            """);

        Assert.Equal("(cat, 3)|3,5,1", output);
    }

    [Fact]
    public void Overlapping_runs_with_different_parameters_each_see_their_own()
    {
        string output = Scenario.Execute("""
            using System;
            using System.Linq;
            using System.Threading.Tasks;
            using MapReduceGen;

            public static partial class Scaled
            {
                [Mapper]
                public static void Map(int input, Emitter<int, long> emit, int factor)
                {
                    System.Threading.Thread.SpinWait(200);
                    emit.Emit(input % 3, (long)input * factor);
                }

                [Reducer]
                public static long Reduce(int key, ReadOnlySpan<long> values, int factor)
                {
                    long sum = 0;
                    foreach (long value in values) { sum += value; }
                    return sum + factor;
                }
            }

            internal static class Probe
            {
                public static string Execute()
                {
                    int[] inputs = Enumerable.Range(1, 3000).ToArray();
                    var options = new MapReduceOptions { MaxDegreeOfParallelism = 2, ChunkSize = 7 };
                    var runs = Enumerable.Range(1, 8).Select(f => Scaled.RunAsync(inputs, f, options)).ToArray();
                    Task.WaitAll(runs);
                    for (int f = 1; f <= 8; f++)
                    {
                        for (int k = 0; k < 3; k++)
                        {
                            long expected = inputs.Where(i => i % 3 == k).Sum(i => (long)i * f) + f;
                            if (runs[f - 1].Result[k] != expected) { return $"factor {f} key {k}: {runs[f - 1].Result[k]} != {expected}"; }
                        }
                    }

                    return "ok";
                }
            }
            """);

        Assert.Equal("ok", output);
    }

    [Fact]
    public void Combiner_with_finishing_reducer_computes_a_mean_without_a_second_pass()
    {
        string output = Scenario.Execute("""
            using System;
            using MapReduceGen;

            public static partial class WordMean
            {
                [Mapper]
                public static void Map(string line, Emitter<string, (long Sum, long Count)> emit)
                {
                    foreach (var word in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    {
                        emit.Emit(word[..1], (word.Length, 1));
                    }
                }

                [Combiner]
                public static (long Sum, long Count) Combine((long Sum, long Count) left, (long Sum, long Count) right) =>
                    (left.Sum + right.Sum, left.Count + right.Count);

                [Reducer]
                public static double Reduce(string letter, (long Sum, long Count) total) => (double)total.Sum / total.Count;
            }

            internal static class Probe
            {
                public static string Execute() =>
                    Show.Of(WordMean.Run(["a ab abc", "b bb", "abcd"], new MapReduceOptions { MaxDegreeOfParallelism = 2, ChunkSize = 1 }));
            }
            """);

        Assert.Equal("a=2.5;b=1.5", output);
    }

    [Fact]
    public void Combiner_with_grouping_reducer_sees_one_combined_value_per_map_task()
    {
        string output = Scenario.Execute("""
            using System;
            using System.Linq;
            using MapReduceGen;

            public static partial class Histogram
            {
                [Mapper]
                public static void Map(int input, Emitter<int, long> emit) => emit.Emit(input % 2, 1);

                [Combiner]
                public static long Combine(long left, long right) => left + right;

                [Reducer]
                public static string Reduce(int parity, ReadOnlySpan<long> perTask)
                {
                    long total = 0;
                    foreach (long count in perTask) { total += count; }
                    return perTask.Length <= 3 ? total.ToString(System.Globalization.CultureInfo.InvariantCulture) : "too many: " + perTask.Length;
                }
            }

            internal static class Probe
            {
                public static string Execute() =>
                    Show.Of(Histogram.Run(Enumerable.Range(0, 10_001), new MapReduceOptions { MaxDegreeOfParallelism = 3, ChunkSize = 10 }));
            }
            """);

        Assert.Equal("0=5001;1=5000", output);
    }

    [Fact]
    public void Two_inputs_joined_by_a_reducer_that_writes_records_drops_unmatched_keys()
    {
        string output = Scenario.Execute("""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using MapReduceGen;

            public sealed record Customer(int Id, string Name);
            public sealed record Order(int CustomerId, decimal Amount);
            public readonly record struct Side(string? Name, decimal Amount);

            public static partial class Join
            {
                [Mapper]
                public static void MapCustomers(Customer customers, Emitter<int, Side> emit) => emit.Emit(customers.Id, new Side(customers.Name, 0));

                [Mapper]
                public static IEnumerable<(int, Side)> MapOrders(Order orders)
                {
                    yield return (orders.CustomerId, new Side(null, orders.Amount));
                }

                [Reducer(SortByKey = true)]
                public static void Reduce(int id, ReadOnlySpan<Side> sides, RecordOutput<string> output)
                {
                    string? name = null;
                    foreach (var side in sides) { name ??= side.Name; }
                    if (name is null) { return; }
                    foreach (var side in sides)
                    {
                        if (side.Name is null) { output.Add($"{id}:{name}:{side.Amount}"); }
                    }
                }
            }

            internal static class Probe
            {
                public static string Execute()
                {
                    Customer[] customers = [new(1, "Ann"), new(2, "Bo"), new(3, "Cy")];
                    Order[] orders = [new(1, 10m), new(3, 5m), new(1, 7m), new(9, 1m)];
                    var records = Join.Run(customers, orders, new MapReduceOptions { MaxDegreeOfParallelism = 2, ChunkSize = 1 });
                    return string.Join(",", records.OrderBy(r => r, StringComparer.Ordinal)) + "|" + records.Count + "|" + records.Statistics.DistinctKeys;
                }
            }
            """);

        Assert.Equal("1:Ann:10,1:Ann:7,3:Cy:5|3|4", output);
    }

    [Fact]
    public void A_failing_mapper_of_a_second_input_is_named_in_the_error()
    {
        string output = Scenario.Execute("""
            using System;
            using MapReduceGen;

            public static partial class TwoInputs
            {
                [Mapper]
                public static void MapWords(string words, Emitter<string, int> emit) => emit.Emit(words, 1);

                [Mapper]
                public static void MapNumbers(int numbers, Emitter<string, int> emit) => emit.Emit(numbers == 2 ? throw new FormatException("bad " + numbers) : "n", numbers);

                [Reducer]
                public static int Reduce(int left, int right) => left + right;
            }

            internal static class Probe
            {
                public static string Execute()
                {
                    try
                    {
                        TwoInputs.Run(["a", "b"], [1, 2, 3], new MapReduceOptions { MaxDegreeOfParallelism = 1 });
                        return "no error";
                    }
                    catch (MapReduceException e)
                    {
                        return e.InputName + "@" + e.InputIndex + ": " + e.Message;
                    }
                }
            }
            """);

        Assert.Equal(
            "numbers@1: MapReduce job 'TwoInputs' failed in the map phase at input 1 of input 'numbers': the mapper threw FormatException: bad 2",
            output);
    }

    [Fact]
    public void Sorted_by_key_results_come_out_in_key_order_in_key_range_partitions()
    {
        string output = Scenario.Execute("""
            using System;
            using System.Linq;
            using MapReduceGen;

            public readonly record struct Month(int Year, int Number);

            public static partial class ByMonth
            {
                [Mapper]
                public static void Map(int day, Emitter<Month, int> emit) => emit.Emit(new Month(2000 + (day / 12) % 3, 1 + day % 12), 1);

                [Reducer(SortByKey = true)]
                public static int Reduce(int left, int right) => left + right;
            }

            internal static class Probe
            {
                public static string Execute()
                {
                    var result = ByMonth.Run(Enumerable.Range(0, 5000), new MapReduceOptions { MaxDegreeOfParallelism = 3, PartitionCount = 5 });
                    var keys = result.Select(e => e.Key).ToList();
                    var sorted = keys.OrderBy(k => k.Year).ThenBy(k => k.Number).ToList();
                    if (!keys.SequenceEqual(sorted)) { return "not sorted: " + string.Join(",", keys); }
                    for (int p = 0; p + 1 < result.PartitionCount; p++)
                    {
                        var here = result.Partition(p);
                        var next = result.Partition(p + 1);
                        if (here.Count > 0 && next.Count > 0 && ByMonth.MapReduceJob.CompareKeys(here[^1].Key, next[0].Key) >= 0) { return "overlap at " + p; }
                    }

                    return $"{keys.Count} {keys[0]} {keys[^1]} {result[new Month(2001, 10)]}";
                }
            }
            """);

        Assert.Equal("36 Month { Year = 2000, Number = 1 } Month { Year = 2002, Number = 12 } 139", output);
    }

    [Fact]
    public void Key_comparer_value_comparer_and_output_comparer_order_keys_values_and_output()
    {
        string output = Scenario.Execute("""
            using System;
            using System.Linq;
            using MapReduceGen;

            public static partial class Ordered
            {
                [Mapper]
                public static void Map(string line, Emitter<string, int> emit)
                {
                    var parts = line.Split(' ');
                    emit.Emit(parts[0], int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
                }

                [KeyComparer]
                public static int Descending(string left, string right) => string.CompareOrdinal(right, left);

                [ValueComparer]
                public static int Ascending(int left, int right) => left.CompareTo(right);

                [Reducer]
                public static string Reduce(string key, ReadOnlySpan<int> values) => key + "=" + string.Join("<", values.ToArray());
            }

            public static partial class ByCount
            {
                [Mapper]
                public static void Map(string word, Emitter<string, int> emit) => emit.Emit(word, 1);

                [Combiner]
                public static int Combine(int left, int right) => left + right;

                [OutputComparer]
                public static int MostFirst((string Word, int Count) left, (string Word, int Count) right) => right.Count.CompareTo(left.Count);

                [Reducer(SortByKey = true)]
                public static void Reduce(string word, int count, RecordOutput<(string Word, int Count)> output) => output.Add((word, count));
            }

            internal static class Probe
            {
                public static string Execute()
                {
                    var options = new MapReduceOptions { MaxDegreeOfParallelism = 2, ChunkSize = 1, PartitionCount = 3 };
                    var ordered = Ordered.Run(["b 3", "a 9", "c 1", "b 1", "a 2", "b 2", "d 0"], options);
                    var byCount = ByCount.Run(["x", "y", "z", "y", "w", "z", "y", "v", "w"], options);
                    return string.Join(" ", ordered.Values) + " | " + string.Join(" ", byCount.Select(r => r.Word + r.Count));
                }
            }
            """);

        Assert.Equal("d=0 c=1 b=1<2<3 a=2<9 | y3 w2 z2 v1 x1", output);
    }

    [Fact]
    public void A_partitioner_chooses_each_keys_partition()
    {
        string output = Scenario.Execute("""
            using System;
            using System.Linq;
            using MapReduceGen;

            public static partial class ByLength
            {
                [Mapper]
                public static void Map(string word, Emitter<string, int> emit) => emit.Emit(word, 1);

                [Partitioner]
                public static int ByFirstLetter(string key, int partitionCount) => (key[0] - 'a') % partitionCount;

                [Reducer]
                public static int Reduce(int left, int right) => left + right;
            }

            internal static class Probe
            {
                public static string Execute()
                {
                    var result = ByLength.Run(["apple", "bee", "cat", "avocado", "dog", "bee", "egg"], new MapReduceOptions { MaxDegreeOfParallelism = 2, PartitionCount = 2 });
                    return string.Join(" | ", Enumerable.Range(0, result.PartitionCount).Select(p => string.Join(",", result.Partition(p).Select(e => e.Key).Order(StringComparer.Ordinal))))
                        + " | " + result["bee"] + " " + result.ContainsKey("zzz");
                }
            }
            """);

        Assert.Equal("apple,avocado,cat,egg | bee,dog | 2 False", output);
    }

    [Fact]
    public void Top_takes_a_comparer_or_a_selector_and_breaks_ties_by_record_members()
    {
        string output = Scenario.Execute("""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using MapReduceGen;

            public sealed record Stats(int Count, string Label);
            public readonly record struct Month(int Year, int Number);

            public static partial class Monthly
            {
                [Mapper]
                public static void Map(int month, Emitter<Month, int> emit) => emit.Emit(new Month(2024, month), 1);

                [Reducer]
                public static Stats Reduce(Month key, ReadOnlySpan<int> ones) => new(ones.Length, key.Number.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            internal static class Probe
            {
                public static string Execute()
                {
                    var result = Monthly.Run([9, 10, 11, 9, 10, 11, 1]);
                    var byComparer = result.Top(3, Comparer<Stats>.Create((a, b) => a.Count.CompareTo(b.Count)));
                    var bySelector = result.Top(2, e => e.Value.Count);
                    var byKey = result.Top(2, e => -e.Key.Number);
                    return string.Join(",", byComparer.Select(e => e.Key.Number)) + " " + string.Join(",", bySelector.Select(e => e.Key.Number)) + " " + string.Join(",", byKey.Select(e => e.Key.Number));
                }
            }
            """);

        Assert.Equal("9,10,11 9,10 1,9", output);
    }

    [Fact]
    public void Asynchronous_sequences_and_text_files_feed_jobs_with_parameters()
    {
        string output = Scenario.Execute("""
            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.Linq;
            using System.Threading.Tasks;
            using MapReduceGen;

            public static partial class Longer
            {
                [Mapper]
                public static IEnumerable<(string, int)> Map(string line, int minimum)
                {
                    foreach (var word in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    {
                        if (word.Length >= minimum) { yield return (word, 1); }
                    }
                }

                [Reducer(SortByKey = true)]
                public static void Reduce(string word, ReadOnlySpan<int> ones, RecordOutput<string> output, int minimum) => output.Add(word + ones.Length);
            }

            public static partial class TextJoin
            {
                [Mapper]
                public static void MapLines(string lines, Emitter<int, string> emit) => emit.Emit(lines.Length, lines);

                [Mapper]
                public static void MapLengths(int lengths, Emitter<int, string> emit) => emit.Emit(lengths, "#");

                [Reducer(SortByKey = true)]
                public static void Reduce(int length, IReadOnlyList<string> values, RecordOutput<string> output)
                {
                    if (values.Contains("#") && values.Any(v => v != "#")) { output.Add(length + ":" + string.Join("|", values.Where(v => v != "#").Order(StringComparer.Ordinal))); }
                }
            }

            internal static class Probe
            {
                private static async IAsyncEnumerable<string> Lines()
                {
                    foreach (var line in new[] { "tiny words here", "another tiny line", "words words" })
                    {
                        await Task.Yield();
                        yield return line;
                    }
                }

                public static string Execute()
                {
                    string fromAsync = string.Join(",", Longer.RunAsync(Lines(), 5).GetAwaiter().GetResult());
                    string path = Path.GetTempFileName();
                    try
                    {
                        File.WriteAllLines(path, ["tiny words here", "another tiny line", "words words", "abc", "xyz"]);
                        string fromFile = string.Join(",", Longer.Run(TextSource.FromFiles(path), 5));
                        string joined = string.Join(",", TextJoin.Run(TextSource.FromFiles(path), [3, 11, 99]));
                        return fromAsync + " " + fromFile + " " + joined;
                    }
                    finally
                    {
                        File.Delete(path);
                    }
                }
            }
            """);

        Assert.Equal("another1,words3 another1,words3 3:abc|xyz,11:words words", output);
    }

    [Fact]
    public void Skipped_records_and_partitioner_failures_name_their_input_and_key()
    {
        string output = Scenario.Execute("""
            using System;
            using System.Linq;
            using MapReduceGen;

            public static partial class Mixed
            {
                [Mapper]
                public static void MapText(string text, Emitter<int, int> emit) => emit.Emit(int.Parse(text, System.Globalization.CultureInfo.InvariantCulture), 1);

                [Mapper]
                public static void MapNumbers(int numbers, Emitter<int, int> emit) => emit.Emit(numbers, 1);

                [Partitioner]
                public static int Partition(int key, int partitionCount) => key == 13 ? throw new InvalidOperationException("unlucky") : key == 14 ? partitionCount : key % partitionCount;

                [Reducer]
                public static int Reduce(int left, int right) => left + right;
            }

            internal static class Probe
            {
                public static string Execute()
                {
                    var options = new MapReduceOptions { MaxBadRecords = 5, MaxDegreeOfParallelism = 1, PartitionCount = 3 };
                    var result = Mixed.Run(["1", "x", "2"], [2, 3], options);
                    var skipped = result.Statistics.SkippedRecords.Single();
                    string first = $"{result[2]} {skipped.InputName}@{skipped.InputIndex}";
                    string Fail(int[] numbers)
                    {
                        try
                        {
                            Mixed.Run(["1"], numbers, options);
                            return "no error";
                        }
                        catch (MapReduceException e)
                        {
                            return $"{e.Phase} {e.Key} {e.InnerException!.GetType().Name}";
                        }
                    }

                    return first + " | " + Fail([13]) + " | " + Fail([14]);
                }
            }
            """);

        Assert.Equal("2 text@1 | Map 13 InvalidOperationException | Map 14 InvalidOperationException", output);
    }

    [Fact]
    public void Counters_of_reducers_are_summed_over_partitions_and_values_of_combined_groups_can_be_sorted()
    {
        string output = Scenario.Execute("""
            using System;
            using System.Linq;
            using MapReduceGen;

            public static partial class PerTask
            {
                [Mapper]
                public static void Map(int input, Emitter<int, long> emit) => emit.Emit(input % 10, input);

                [Combiner]
                public static long Combine(long left, long right) => Math.Max(left, right);

                [ValueComparer]
                public static int Descending(long left, long right) => right.CompareTo(left);

                [Reducer]
                public static long Reduce(int key, ReadOnlySpan<long> maxima, Counters counters)
                {
                    counters.Increment("keys");
                    counters.Increment("maxima", maxima.Length);
                    for (int i = 1; i < maxima.Length; i++)
                    {
                        if (maxima[i] > maxima[i - 1]) { throw new InvalidOperationException("not sorted"); }
                    }

                    return maxima[0];
                }
            }

            internal static class Probe
            {
                public static string Execute()
                {
                    var result = PerTask.Run(Enumerable.Range(0, 1000), new MapReduceOptions { MaxDegreeOfParallelism = 3, PartitionCount = 4, ChunkSize = 10 });
                    var counters = result.Statistics.Counters;
                    return $"{result[7]} {counters["keys"]} {(counters["maxima"] >= 10 && counters["maxima"] <= 30 ? "ok" : counters["maxima"].ToString())}";
                }
            }
            """);

        Assert.Equal("997 10 ok", output);
    }

    [Fact]
    public void String_keys_sort_by_utf16_code_units_across_range_partitions_and_by_a_key_comparer()
    {
        string output = Scenario.Execute("""
            using System;
            using System.Linq;
            using MapReduceGen;

            public static partial class Sorted
            {
                [Mapper]
                public static void Map(string word, Emitter<string, int> emit) => emit.Emit(word, 1);

                [Reducer(SortByKey = true)]
                public static int Reduce(int left, int right) => left + right;
            }

            public static partial class ByLength
            {
                [Mapper]
                public static void Map(string word, Emitter<string, int> emit) => emit.Emit(word, 1);

                [KeyComparer]
                public static int ShortFirst(string left, string right) => left.Length != right.Length ? left.Length.CompareTo(right.Length) : string.CompareOrdinal(left, right);

                [Reducer]
                public static int Reduce(int left, int right) => left + right;
            }

            internal static class Probe
            {
                public static string Execute()
                {
                    var random = new Random(5);
                    string[] alphabet = ["a", "B", "é", "\uE000", "\U0001F600", "z", "\uFFFD", "0"];
                    var words = Enumerable.Range(0, 4000).Select(_ => string.Concat(Enumerable.Range(0, random.Next(1, 4)).Select(_ => alphabet[random.Next(alphabet.Length)]))).ToArray();
                    var options = new MapReduceOptions { MaxDegreeOfParallelism = 3, PartitionCount = 9, ChunkSize = 100 };
                    var sorted = Sorted.Run(words, options).Keys.ToList();
                    var expected = words.Distinct().Order(StringComparer.Ordinal).ToList();
                    var byLength = ByLength.Run(words, options).Keys.ToList();
                    var expectedByLength = words.Distinct().OrderBy(w => w.Length).ThenBy(w => w, StringComparer.Ordinal).ToList();
                    return $"{sorted.SequenceEqual(expected)} {byLength.SequenceEqual(expectedByLength)} {sorted.Count}";
                }
            }
            """);

        Assert.StartsWith("True True ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Inputs_named_like_keywords_or_generated_parameters_get_valid_names()
    {
        string output = Scenario.Execute("""
            using System;
            using MapReduceGen;

            public static partial class Named
            {
                [Mapper]
                public static void MapEvents(string @event, Emitter<string, int> emit, int weight) => emit.Emit(@event, weight);

                [Mapper]
                public static void MapOptions(int options, Emitter<string, int> emit, int weight) => emit.Emit("n", options * weight);

                [Mapper]
                public static void MapMore(long @event, Emitter<string, int> emit) => emit.Emit("m", (int)@event);

                [Reducer]
                public static int Reduce(string key, ReadOnlySpan<int> values, int weight) => values.Length * 1000 + weight;
            }

            internal static class Probe
            {
                public static string Execute() => Show.Of(Named.Run(@event: ["a", "a"], options2: [1, 2], event2: [3L], parameters: 7));
            }
            """);

        Assert.Equal("a=2007;m=1007;n=2007", output);
    }
}
