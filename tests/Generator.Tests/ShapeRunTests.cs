using MapReduceGen.Generator.Tests.Infrastructure;

namespace MapReduceGen.Generator.Tests;

/// <summary>
/// Every mapper shape and every reducer shape: the generated code compiles with no diagnostic at all and the job,
/// run for real, gives the right result.
/// </summary>
public sealed class ShapeRunTests
{
    private const string Lines = """new[] { "a b a", "c b", "", "a" }""";

    [Fact]
    public void Emitter_mapper_with_fold_reducer_counts_words()
    {
        string output = Scenario.Execute($$"""
            using System;
            using MapReduceGen;

            namespace Shapes;

            public static partial class WordCount
            {
                [Mapper]
                public static void Map(string line, Emitter<string, int> emit)
                {
                    foreach (var word in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    {
                        emit.Emit(word, 1);
                    }
                }

                [Reducer]
                public static int Reduce(int left, int right) => left + right;
            }

            internal static class Probe
            {
                public static string Execute() => Show.Of(WordCount.Run({{Lines}}));
            }
            """);

        Assert.Equal("a=3;b=2;c=1", output);
    }

    [Fact]
    public void Emitter_mapper_accepts_span_keys()
    {
        string output = Scenario.Execute($$"""
            using System;
            using MapReduceGen;

            public static partial class SpanCount
            {
                [Mapper]
                public static void Map(string line, Emitter<string, int> emit)
                {
                    ReadOnlySpan<char> rest = line;
                    while (rest.Length > 0)
                    {
                        int space = rest.IndexOf(' ');
                        ReadOnlySpan<char> word = space < 0 ? rest : rest[..space];
                        if (!word.IsEmpty)
                        {
                            emit.Emit(word, 1);
                        }

                        rest = space < 0 ? default : rest[(space + 1)..];
                    }
                }

                [Reducer]
                public static int Reduce(int left, int right) => left + right;
            }

            internal static class Probe
            {
                public static string Execute() => Show.Of(SpanCount.Run({{Lines}}));
            }
            """);

        Assert.Equal("a=3;b=2;c=1", output);
    }

    [Fact]
    public void Named_tuple_sequence_mapper_with_span_group_reducer()
    {
        string output = Scenario.Execute($$"""
            using System;
            using System.Collections.Generic;
            using MapReduceGen;

            namespace Shapes
            {
                public static partial class Lengths
                {
                    [Mapper]
                    public static IEnumerable<(string Key, int Value)> Map(string line)
                    {
                        foreach (var word in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                        {
                            yield return (word, word.Length);
                        }
                    }

                    [Reducer]
                    public static string Reduce(string key, ReadOnlySpan<int> values)
                    {
                        int total = 0;
                        foreach (int value in values)
                        {
                            total += value;
                        }

                        return key + ":" + values.Length + "x" + total;
                    }
                }
            }

            internal static class Probe
            {
                public static string Execute() => Show.Of(Shapes.Lengths.Run({{Lines}}));
            }
            """);

        Assert.Equal("a=a:3x3;b=b:2x2;c=c:1x1", output);
    }

    [Fact]
    public void Unnamed_tuple_sequence_mapper_with_list_group_reducer()
    {
        string output = Scenario.Execute($$"""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using MapReduceGen;

            public partial class Positions
            {
                [Mapper]
                public static IEnumerable<(char, int)> Map(string line) =>
                    line.Select((c, i) => (c, i)).Where(p => p.c != ' ');

                [Reducer]
                public static string Reduce(char key, IReadOnlyList<int> values) =>
                    string.Join(",", values.OrderBy(v => v));
            }

            internal static class Probe
            {
                public static string Execute() => Show.Of(Positions.Run({{Lines}}));
            }
            """);

        Assert.Equal("a=0,0,4;b=2,2;c=0", output);
    }

    [Fact]
    public void List_returning_mapper_with_fold_reducer()
    {
        string output = Scenario.Execute($$"""
            using System;
            using System.Collections.Generic;
            using MapReduceGen;

            public static partial class FirstLetters
            {
                [Mapper]
                public static List<(char Letter, long Count)> Map(string line)
                {
                    var pairs = new List<(char Letter, long Count)>();
                    foreach (var word in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    {
                        pairs.Add((word[0], 1L));
                    }

                    return pairs;
                }

                [Reducer]
                public static long Reduce(long left, long right) => left + right;
            }

            internal static class Probe
            {
                public static string Execute() => Show.Of(FirstLetters.Run({{Lines}}));
            }
            """);

        Assert.Equal("a=3;b=2;c=1", output);
    }

    [Fact]
    public void Array_returning_mapper_with_span_group_reducer()
    {
        string output = Scenario.Execute("""
            using System;
            using MapReduceGen;

            public static partial class Parity
            {
                [Mapper]
                public static (bool Even, int Number)[] Map(int input) => [(input % 2 == 0, input), (true, 0)];

                [Reducer]
                public static int Reduce(bool key, ReadOnlySpan<int> values)
                {
                    int sum = 0;
                    foreach (int value in values)
                    {
                        sum += value;
                    }

                    return sum;
                }
            }

            internal static class Probe
            {
                public static string Execute() => Show.Of(Parity.Run([1, 2, 3, 4, 5]));
            }
            """);

        Assert.Equal("False=9;True=6", output);
    }

    [Fact]
    public void Emitter_mapper_with_list_group_reducer_and_a_reference_result()
    {
        string output = Scenario.Execute("""
            using System.Collections.Generic;
            using System.Linq;
            using MapReduceGen;

            public static partial class Groups
            {
                [Mapper]
                public static void Map(int input, Emitter<int, string> emit) => emit.Emit(input % 3, "n" + input);

                [Reducer]
                public static IReadOnlyList<string> Reduce(int key, IReadOnlyList<string> values) =>
                    values.Order(System.StringComparer.Ordinal).ToList();
            }

            internal static class Probe
            {
                public static string Execute()
                {
                    var result = Groups.Run([1, 2, 3, 4, 5, 6, 7]);
                    return string.Join("|", Enumerable.Range(0, 3).Select(k => k + ":" + string.Join(",", result[k])));
                }
            }
            """);

        Assert.Equal("0:n3,n6|1:n1,n4,n7|2:n2,n5", output);
    }

    [Fact]
    public void RunAsync_and_options_work_for_a_fold_job()
    {
        string output = Scenario.Execute("""
            using System.Linq;
            using MapReduceGen;

            public static partial class Sum
            {
                [Mapper]
                public static void Map(int input, Emitter<int, long> emit) => emit.Emit(input % 10, input);

                [Reducer]
                public static long Reduce(long left, long right) => left + right;
            }

            internal static class Probe
            {
                public static string Execute()
                {
                    var options = new MapReduceOptions { MaxDegreeOfParallelism = 2, ChunkSize = 7 };
                    var result = Sum.RunAsync(Enumerable.Range(0, 1000), options).GetAwaiter().GetResult();
                    return result.Count + ":" + result[3] + ":" + result.Values.Sum();
                }
            }
            """);

        Assert.Equal("10:49800:499500", output);
    }

    [Theory]
    [InlineData("Emitter<string?, int>", "emit.Emit(line.Length > 0 ? line : \"-\", 1)", "public static int Reduce(string key, ReadOnlySpan<int> values) => values.Length;")]
    [InlineData("Emitter<string, int>", "emit.Emit(line.Length > 0 ? line : \"-\", 1)", "public static int Reduce(string? key, IReadOnlyList<int> values) => values.Count;")]
    [InlineData("Emitter<string, string?>", "emit.Emit(line.Length > 0 ? line : \"-\", \"1\")", "public static int Reduce(string key, IReadOnlyList<string> values) => values.Count;")]
    [InlineData("Emitter<string, string>", "emit.Emit(line.Length > 0 ? line : \"-\", \"1\")", "public static string? Reduce(string? left, string? right) => (left!.Length + right!.Length).ToString(System.Globalization.CultureInfo.InvariantCulture);")]
    public void Reducers_that_annotate_nullability_differently_from_the_mapper_compile_without_warnings(string emitter, string emit, string reducer)
    {
        string output = Scenario.Execute($$"""
            using System;
            using System.Collections.Generic;
            using MapReduceGen;

            public static partial class Nullability
            {
                [Mapper]
                public static void Map(string line, {{emitter}} emit) => {{emit}};

                [Reducer]
                {{reducer}}
            }

            internal static class Probe
            {
                public static string Execute() => Show.Of(Nullability.Run(new[] { "a", "", "a" }));
            }
            """);

        Assert.Equal("-=1;a=2", output);
    }

    [Fact]
    public void A_job_in_nullable_oblivious_code_compiles_without_warnings()
    {
        string output = Scenario.Execute("""
            #nullable disable
            using System.Collections.Generic;
            using MapReduceGen;

            public static partial class Oblivious
            {
                [Mapper]
                public static IEnumerable<(string, string)> Map(string line) => new[] { (line, line + "!") };

                [Reducer]
                public static string Reduce(string key, IReadOnlyList<string> values) => string.Join(",", values);
            }

            internal static class Probe
            {
                public static string Execute() => Show.Of(Oblivious.Run(new[] { "a", "b" }));
            }
            """);

        Assert.Equal("a=a!;b=b!", output);
    }

    [Fact]
    public void A_sequence_mapper_with_a_nullable_return_type_compiles_without_warnings()
    {
        string output = Scenario.Execute("""
            using System.Collections.Generic;
            using MapReduceGen;

            public static partial class MaybePairs
            {
                [Mapper]
                public static List<(string, int)>? Map(string line) => [(line, 1)];

                [Reducer]
                public static int Reduce(int left, int right) => left + right;
            }

            internal static class Probe
            {
                public static string Execute() => Show.Of(MaybePairs.Run(new[] { "a", "a" }));
            }
            """);

        Assert.Equal("a=2", output);
    }
}
