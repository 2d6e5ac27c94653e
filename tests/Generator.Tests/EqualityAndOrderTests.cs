using MapReduceGen.Generator.Tests.Infrastructure;

namespace MapReduceGen.Generator.Tests;

/// <summary>
/// One notion of "a type with value equality" and of "a type with an order", recursive over tuples, records, nullable
/// values and arrays, shared by MRG0013, MRG0030, MRG0031 and the comparison code the generator writes (issue 19): keys
/// that can never group are refused, sorted keys never fall back to their text, and Top is refused where it would throw.
/// </summary>
public sealed class EqualityAndOrderTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using MapReduceGen;

        """;

    private const string Tail = ", so equal-looking keys are different keys: make it a record, or implement IEquatable<{0}>, or opt in to keys compared by reference with [Mapper(AllowReferenceEqualityKeys = true)]";

    private const string Word = """

        public sealed class Word(string text) : IEquatable<Word>
        {
            public string Text { get; set; } = text;
            public bool Equals(Word? other) => other is not null && other.Text == Text;
            public override bool Equals(object? obj) => Equals(obj as Word);
            public override int GetHashCode() => Text.GetHashCode(StringComparison.Ordinal);
        }
        """;

    private static ExpectedDiagnostic D(string id, string message) => new(id, message);

    private static string KeyMessage(string key, string reason) =>
        $"The key type '{key}' of the job 'Job' {reason}" + Tail.Replace("{0}", key, StringComparison.Ordinal);

    private static string KeyJob(string key, string keyOf) => Usings + $$"""
        public static partial class Job
        {
            [Mapper]
            public static void Map(string line, [|Emitter<{{key}}, int> emit|]) => emit.Emit({{keyOf}}, 1);

            [Reducer]
            public static int Reduce(int left, int right) => left + right;
        }

        public sealed record Tagged(string Name, string[] Tags);

        public readonly record struct Outer(int Id, Tagged Inner);
        """;

    [Fact]
    public void An_array_key_can_never_group()
    {
        DiagnosticVerifier.Verify(KeyJob("string[]", "line.Split(' ')"), [D("MRG0013", KeyMessage("string[]", "is an array, which is equal only to itself"))]);
    }

    [Fact]
    public void Tuples_and_records_holding_arrays_can_never_group()
    {
        DiagnosticVerifier.Verify(
            KeyJob("(string, int[])", "(line, new[] { line.Length })"),
            [D("MRG0013", KeyMessage("(string, int[])", "compares its member 'Item2' of type 'int[]' by reference (an array is equal only to itself)"))]);
        DiagnosticVerifier.Verify(
            KeyJob("Tagged", "new Tagged(line, line.Split(' '))"),
            [D("MRG0013", KeyMessage("Tagged", "compares its member 'Tags' of type 'string[]' by reference (an array is equal only to itself)"))]);
        DiagnosticVerifier.Verify(
            KeyJob("Outer?", "new Outer(1, new Tagged(line, []))"),
            [D("MRG0013", KeyMessage("Outer?", "compares its member 'Inner.Tags' of type 'string[]' by reference (an array is equal only to itself)"))]);
    }

    [Fact]
    public void Keys_of_arrays_compared_by_reference_on_purpose_are_accepted()
    {
        GeneratorRun run = TestCompiler.Run(Usings + """
            #pragma warning disable MRG0034 // Keys compared by reference cannot be spilled.
            public static partial class Job
            {
                [Mapper(AllowReferenceEqualityKeys = true)]
                public static void Map(string line, Emitter<int[], int> emit) => emit.Emit([line.Length], 1);

                [Reducer]
                public static int Reduce(int left, int right) => left + right;
            }
            """);

        run.AssertClean();
        Assert.NotEmpty(run.GeneratedTrees);
    }

    [Fact]
    public void Sorting_keys_whose_member_has_no_order_is_MRG0030_not_an_order_by_text()
    {
        const string Message = "The job 'Job' sorts its output by key but its key type '{0}' has no order: implement IComparable<{0}>, or declare a method 'static int CompareKeys({0} left, {0} right)' marked [KeyComparer]";
        foreach ((string key, string keyOf, string extra) in new[]
        {
            ("Entry", "new Entry(line.Length, new Word(line))", "\npublic sealed record Entry(int Rank, Word Word);\n"),
            ("(int, Word)", "(line.Length, new Word(line))", ""),
            ("(int, Entry?)", "(line.Length, (Entry?)null)", "\npublic sealed record Entry(int Rank, Word Word);\n"),
        })
        {
            DiagnosticVerifier.Verify(
                Usings + $$"""
                    public static partial class Job
                    {
                        [Mapper]
                        public static void Map(string line, Emitter<{{key}}, int> emit) => emit.Emit({{keyOf}}, 1);

                        [[|Reducer(SortByKey = true)|]]
                        public static int Reduce(int left, int right) => left + right;
                    }
                    """ + Word + extra,
                [D("MRG0030", Message.Replace("{0}", key, StringComparison.Ordinal))]);
        }
    }

    [Fact]
    public void Nullable_record_struct_keys_sort_member_by_member_not_by_their_text()
    {
        string output = Scenario.Execute("""
            using System;
            using System.Linq;
            using MapReduceGen;

            public readonly record struct Month(int Year, int Number);

            public static partial class ByMonth
            {
                [Mapper]
                public static void Map(int day, Emitter<Month?, int> emit) => emit.Emit(new Month(2024, day % 12 + 1), 1);

                [Reducer(SortByKey = true)]
                public static int Reduce(int left, int right) => left + right;
            }

            public static partial class ByMonthAndName
            {
                [Mapper]
                public static void Map(int day, Emitter<(Month? Month, string Name), int> emit) =>
                    emit.Emit((day % 5 == 0 ? null : new Month(2024, day % 12 + 1), "d" + (day % 2)), 1);

                [Reducer(SortByKey = true)]
                public static int Reduce(int left, int right) => left + right;
            }

            internal static class Probe
            {
                public static string Execute()
                {
                    var options = new MapReduceOptions { MaxDegreeOfParallelism = 2, PartitionCount = 3 };
                    var months = ByMonth.Run(Enumerable.Range(0, 200), options);
                    var named = ByMonthAndName.Run(Enumerable.Range(0, 200), options);
                    return string.Join(",", months.Keys.Select(k => k?.Number.ToString() ?? "-")) + "|" +
                        string.Join(",", named.Keys.Take(4).Select(k => (k.Month?.Number.ToString() ?? "-") + k.Name));
                }
            }
            """);

        Assert.Equal("1,2,3,4,5,6,7,8,9,10,11,12|-d0,-d1,1d0,2d1", output);
    }

    [Fact]
    public void Top_on_tuples_with_an_unordered_member_on_results_comparable_only_to_another_type_and_as_a_method_group_is_MRG0031()
    {
        const string Message = "Top ranks results of type '{0}', which has no order: pass an IComparer<{0}> or a selector to Top, or make '{0}' implement IComparable<{0}>";
        DiagnosticVerifier.Verify(
            Usings + """
                public static class Report
                {
                    public static object Tuples(MapReduceResult<string, (int Count, Word Word)> result) => result.[|Top|](1);

                    public static object Others(MapReduceResult<string, Score> result) => result.[|Top|](2);

                    public static Func<int, IReadOnlyList<KeyValuePair<string, Summary>>> Group(MapReduceResult<string, Summary> result) => result.[|Top|];
                }

                public sealed record Summary(int Count);

                public readonly record struct Score(int Value) : IComparable<int>
                {
                    public int CompareTo(int other) => Value.CompareTo(other);
                }
                """ + Word,
            [
                D("MRG0031", Message.Replace("{0}", "(int Count, Word Word)", StringComparison.Ordinal)),
                D("MRG0031", Message.Replace("{0}", "Score", StringComparison.Ordinal)),
                D("MRG0031", Message.Replace("{0}", "Summary", StringComparison.Ordinal)),
            ]);

        // Tuples of ordered members, and nullable ones inside, rank fine.
        TestCompiler.Run(Usings + """
            public static class Report
            {
                public static object Tuples(MapReduceResult<string, (int Count, string Name, DateTime? When)> result) => result.Top(1);

                public static Func<int, IReadOnlyList<KeyValuePair<string, long>>> Group(MapReduceResult<string, long> result) => result.Top;
            }
            """).AssertClean();
    }
}
