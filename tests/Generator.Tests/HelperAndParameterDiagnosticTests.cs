using MapReduceGen.Generator.Tests.Infrastructure;

namespace MapReduceGen.Generator.Tests;

/// <summary>
/// The diagnostics of combiners, comparers, partitioners, extra parameters and Top (MRG0019-MRG0032): each wrong declaration gets its id, on the exact span, with the
/// exact message (and generates nothing that fails to compile), and the corrected job compiles with no diagnostic.
/// </summary>
public sealed class HelperAndParameterDiagnosticTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using MapReduceGen;

        """;

    private const string GoodMapper = """
            [Mapper]
            public static void Map(string line, Emitter<string, int> emit) => emit.Emit(line, 1);
        """;

    private const string FoldReducer = """
            [Reducer]
            public static int Reduce(int left, int right) => left + right;
        """;

    private const string GroupReducer = """
            [Reducer]
            public static int Reduce(string key, ReadOnlySpan<int> values) => values.Length;
        """;

    private const string Combiner = """
            [Combiner]
            public static int Combine(int left, int right) => left + right;
        """;

    private const string FinishingReducer = """
            [Reducer]
            public static double Reduce(string key, int total) => total / 2.0;
        """;

    private const string Extra = ": after its required parameters, a {0} may take the job's parameters (one parameter of any type), a Counters and, in a job with a [TaskSetup], the task's state, each at most once, by value";

    private static ExpectedDiagnostic D(string id, string message) => new(id, message);

    private static string Job(string body, string extra = "") =>
        Usings + "public static partial class Job\n{\n" + body + "\n}\n" + extra;

    private static void Check(string wrongBody, string fixedBody, ExpectedDiagnostic[] expected, string extra = "")
    {
        DiagnosticVerifier.Verify(Job(wrongBody, extra), expected);
        DiagnosticVerifier.VerifyClean(Job(fixedBody, extra));
    }

    [Theory]
    [InlineData("public static [|long|] Combine(int left, int right) => left + right;", "returns 'long'")]
    [InlineData("public static void [|Combine|](int left, int right) { }", "returns void")]
    [InlineData("public static int [|Combine|](int left, int right, int more) => left;", "has 3 parameters; a combiner takes two values")]
    [InlineData("public static int Combine(int left, [|long right|]) => left;", "takes 'long', but the mappers emit values of type 'int'")]
    [InlineData("public static int Combine([|ref int left|], int right) => left;", "takes 'left' by 'ref'")]
    public void MRG0019_combiner_shape(string combiner, string problem)
    {
        Check(
            GoodMapper + "\n    [Combiner]\n    " + combiner + "\n" + FinishingReducer,
            GoodMapper + Combiner + FinishingReducer,
            [D("MRG0019", $"The combiner 'Combine' {problem}: declare it as 'static int Combine(int left, int right)'")]);
    }

    [Fact]
    public void MRG0020_combiner_with_a_fold_reducer()
    {
        Check(
            GoodMapper + FoldReducer + """
                [Combiner]
                public static int [|Combine|](int left, int right) => left + right;
            """,
            GoodMapper + FoldReducer,
            [D("MRG0020", "The job class 'Job' has the combiner 'Combine' and the fold reducer 'Reduce', which already combines values: remove [Combiner], or make 'Reduce' a finishing reducer 'static TResult Reduce(TKey key, int combined)'")]);
    }

    [Fact]
    public void MRG0021_finishing_reducer_without_a_combiner()
    {
        Check(
            GoodMapper + """
                [Reducer]
                public static double Reduce(string key, [|int total|]) => total / 2.0;
            """,
            GoodMapper + Combiner + FinishingReducer,
            [D("MRG0021", "The reducer 'Reduce' takes one combined value of type 'int' per key, but the job has no [Combiner]: add a method 'static int Combine(int left, int right)' marked [Combiner]")]);
    }

    [Fact]
    public void A_reducer_of_three_values_is_a_fold_that_takes_parameters_which_a_fold_cannot()
    {
        // (int a, int b, int c) without a combiner: two values to fold and then the job's parameters, which a fold does not
        // take (it was once read as a finishing reducer, and the advice to add a combiner made it one).
        Check(
            GoodMapper + """
                [Reducer]
                public static int Reduce(int a, int b, [|int c|]) => a;
            """,
            GoodMapper + Combiner + """
                [Reducer]
                public static int Reduce(string key, int total, int threshold) => total > threshold ? 1 : 0;
            """,
            [
                D("MRG0009", "The reducer 'Reduce' folds two values and then takes 'c'; a fold runs any number of times, map-side too, so it takes neither the job's parameters nor a Counters: remove 'c' (or, to finish each key once, make it 'static TResult Reduce(TKey key, TValue combined, ...)' with a [Combiner]): declare it as 'static TValue Reduce(TValue left, TValue right)', 'static TResult Reduce(TKey key, ReadOnlySpan<TValue> values)', 'static TResult Reduce(TKey key, IReadOnlyList<TValue> values)', 'static TResult Reduce(TKey key, TValue combined)' with a [Combiner], 'static TResult Reduce(TKey key)' for keys only, or 'static void Reduce(TKey key, ReadOnlySpan<TValue> values, RecordOutput<TRecord> output)'"),
            ]);
    }

    [Fact]
    public void MRG0022_methods_take_different_parameters_types()
    {
        Check(
            """
                [Mapper]
                public static void Map(string line, Emitter<string, int> emit, string needle) => emit.Emit(line, needle.Length);

                [Reducer]
                public static int Reduce(string key, ReadOnlySpan<int> values, [|int minimum|]) => values.Length - minimum;
            """,
            """
                [Mapper]
                public static void Map(string line, Emitter<string, int> emit, string needle) => emit.Emit(line, needle.Length);

                [Reducer]
                public static int Reduce(string key, ReadOnlySpan<int> values, string needle) => values.Length - needle.Length;
            """,
            [D("MRG0022", "The reducer 'Reduce' takes parameters of type 'int' but the mapper 'Map' takes 'string': every method of a job takes the same parameters type")]);
    }

    [Theory]
    [InlineData("public static void Map(string line, Emitter<string, int> emit, int extra, [|long more|]) { }", "mapper", "takes 'more' after the parameters 'extra'; the job's parameters are one object")]
    [InlineData("public static void Map(string line, Emitter<string, int> emit, Counters a, [|Counters b|]) { }", "mapper", "takes a second Counters, 'b'")]
    [InlineData("public static void Map(string line, Emitter<string, int> emit, [|ref int extra|]) { }", "mapper", "takes 'extra' by 'ref'")]
    [InlineData("public static IEnumerable<(string, int)> Map(string line, [|ReadOnlySpan<char> text|]) => [];", "mapper", "takes 'text' of the ref struct type 'ReadOnlySpan<char>', which cannot be a run's parameters")]
    public void MRG0023_mapper_extra_parameters(string mapper, string role, string problem)
    {
        Check(
            "    [Mapper]\n    " + mapper + "\n" + FoldReducer,
            GoodMapper + FoldReducer,
            [D("MRG0023", $"The {role} 'Map' {problem}" + string.Format(System.Globalization.CultureInfo.InvariantCulture, Extra, role))]);
    }

    [Fact]
    public void MRG0023_reducer_extra_parameters()
    {
        Check(
            GoodMapper + """
                [Reducer]
                public static int Reduce(string key, ReadOnlySpan<int> values, [|Emitter<string, int> emit|]) => values.Length;
            """,
            GoodMapper + GroupReducer,
            [D("MRG0023", "The reducer 'Reduce' takes 'emit' of type 'Emitter<string, int>' where only the job's parameters or a Counters may follow" + string.Format(System.Globalization.CultureInfo.InvariantCulture, Extra, "reducer"))]);
    }

    [Fact]
    public void MRG0024_mappers_emit_different_types()
    {
        Check(
            GoodMapper + FoldReducer + """
                [Mapper]
                public static void MapNumbers(int number, [|Emitter<string, long> emit|]) => emit.Emit("n", number);
            """,
            GoodMapper + FoldReducer + """
                [Mapper]
                public static void MapNumbers(int number, Emitter<string, int> emit) => emit.Emit("n", number);
            """,
            [D("MRG0024", "The mapper 'MapNumbers' emits keys of type 'string' and values of type 'long' but the mapper 'Map' emits 'string' and 'int': every mapper of a job emits the same key and value types")]);
    }

    [Theory]
    [InlineData("KeyComparer", "public static int Compare(string left, [|int right|]) => 0;", "takes 'int', but it orders values of type 'string'", "string")]
    [InlineData("KeyComparer", "public static [|bool|] Compare(string left, string right) => true;", "returns 'bool'", "string")]
    [InlineData("ValueComparer", "public static int [|Compare|](int value) => 0;", "has 1 parameter; a comparer takes two", "int")]
    [InlineData("OutputComparer", "public static int Compare([|string left|], string right) => 0;", "takes 'string', but it orders values of type 'int'", "int")]
    public void MRG0025_comparer_shape(string attribute, string comparer, string problem, string type)
    {
        string good = $"public static int Compare({type} left, {type} right) => 0;";
        Check(
            GoodMapper + GroupReducer + $"\n    [{attribute}]\n    " + comparer,
            GoodMapper + GroupReducer + $"\n    [{attribute}]\n    " + good,
            [D("MRG0025", $"The [{attribute}] method 'Compare' {problem}: declare it as 'static int Compare({type} left, {type} right)'")]);
    }

    [Theory]
    [InlineData("public static int Partition(string key, [|long count|]) => 0;", "takes 'long' as the partition count, not 'int'")]
    [InlineData("public static int Partition([|int key|], int count) => 0;", "takes 'int', but the job's keys are 'string'")]
    [InlineData("public static [|long|] Partition(string key, int count) => 0;", "returns 'long'")]
    public void MRG0026_partitioner_shape(string partitioner, string problem)
    {
        Check(
            GoodMapper + FoldReducer + "\n    [Partitioner]\n    " + partitioner,
            GoodMapper + FoldReducer + "\n    [Partitioner]\n    public static int Partition(string key, int count) => key.Length % count;",
            [D("MRG0026", $"The partitioner 'Partition' {problem}: declare it as 'static int Partition(string key, int partitionCount)'")]);
    }

    [Fact]
    public void MRG0027_two_key_comparers()
    {
        Check(
            GoodMapper + FoldReducer + """
                [KeyComparer]
                public static int Ordinal(string left, string right) => string.CompareOrdinal(left, right);

                [[|KeyComparer|]]
                public static int Reversed(string left, string right) => string.CompareOrdinal(right, left);
            """,
            GoodMapper + FoldReducer + """
                [KeyComparer]
                public static int Ordinal(string left, string right) => string.CompareOrdinal(left, right);

                public static int Reversed(string left, string right) => string.CompareOrdinal(right, left);
            """,
            [D("MRG0027", "The job class 'Job' already has the [KeyComparer] method 'Ordinal'; 'Reversed' is a second one: remove [KeyComparer] from one of them")]);
    }

    [Theory]
    [InlineData(FoldReducer, "is a fold of two values")]
    [InlineData(Combiner + FinishingReducer, "takes one combined value")]
    public void MRG0028_value_comparer_without_values(string reducer, string what)
    {
        Check(
            GoodMapper + reducer + """
                [ValueComparer]
                public static int [|Ascending|](int left, int right) => left.CompareTo(right);
            """,
            GoodMapper + reducer,
            [D("MRG0028", $"The [ValueComparer] method 'Ascending' orders the values a reducer sees, but the reducer 'Reduce' {what}: remove [ValueComparer], or take the values as ReadOnlySpan<TValue> or IReadOnlyList<TValue>")]);
    }

    [Fact]
    public void A_partitioner_with_sorted_keys_is_a_job()
    {
        // Sorted within the partitions the partitioner chooses (MRG0029 is no longer reported).
        DiagnosticVerifier.VerifyClean(
            Job(GoodMapper + """
                [Reducer(SortByKey = true)]
                public static int Reduce(int left, int right) => left + right;

                [Partitioner]
                public static int Partition(string key, int count) => 0;
            """));
    }

    [Fact]
    public void MRG0030_sorted_keys_without_an_order()
    {
        const string Word = """
            public sealed class Word(string text) : IEquatable<Word>
            {
                public Word() : this("") { }
                public string Text { get; init; } = text;
                public bool Equals(Word? other) => other is not null && other.Text == Text;
                public override bool Equals(object? obj) => Equals(obj as Word);
                public override int GetHashCode() => Text.GetHashCode(StringComparison.Ordinal);
            }
            """;
        Check(
            """
                [Mapper]
                public static void Map(string line, Emitter<Word, int> emit) => emit.Emit(new Word(line), 1);

                [[|Reducer(SortByKey = true)|]]
                public static int Reduce(int left, int right) => left + right;
            """,
            """
                [Mapper]
                public static void Map(string line, Emitter<Word, int> emit) => emit.Emit(new Word(line), 1);

                [Reducer(SortByKey = true)]
                public static int Reduce(int left, int right) => left + right;

                [KeyComparer]
                public static int CompareKeys(Word left, Word right) => string.CompareOrdinal(left.Text, right.Text);
            """,
            [D("MRG0030", "The job 'Job' sorts its output by key but its key type 'Word' has no order: implement IComparable<Word>, or declare a method 'static int CompareKeys(Word left, Word right)' marked [KeyComparer]")],
            Word);
    }

    [Fact]
    public void MRG0031_top_without_an_order()
    {
        const string Wrong = Usings + """
            public sealed record Summary(int Count);

            public static class Report
            {
                public static object First(MapReduceResult<string, Summary> result) => result.[|Top|](1);
            }
            """;
        DiagnosticVerifier.Verify(Wrong, [D("MRG0031", "Top ranks results of type 'Summary', which has no order: pass an IComparer<Summary> or a selector to Top, or make 'Summary' implement IComparable<Summary>")]);
        TestCompiler.Run(Wrong.Replace("[|", "", StringComparison.Ordinal).Replace("|]", "", StringComparison.Ordinal)
            .Replace("result.Top(1)", "result.Top(1, e => e.Value.Count)", StringComparison.Ordinal)).AssertClean();
        TestCompiler.Run(Usings + """
            public static class Report
            {
                public static object First(MapReduceResult<string, int> ints, MapReduceResult<int, string> strings) => (ints.Top(1), strings.Top(2));
            }
            """).AssertClean();
    }

    private const string SetupAdvice = ": declare it as 'static TState {0}()', optionally taking the job's parameters and a Counters, where TState is the state each task keeps (a type of its own, which the mapper or reducer takes)";

    [Theory]
    [InlineData("public static [|void|] Setup() { }", "returns void")]
    [InlineData("public static [|Counters|] Setup(Counters counters) => counters;", "returns a Counters, which each task has already")]
    [InlineData("public static [|System.ReadOnlySpan<int>|] Setup() => default;", "returns the ref struct 'ReadOnlySpan<int>', which a task cannot keep")]
    public void MRG0037_task_setup_shape(string setup, string problem)
    {
        Check(
            GoodMapper + FoldReducer + "\n    [TaskSetup]\n    " + setup + "\n",
            GoodMapper + FoldReducer + "\n    [TaskSetup]\n    public static System.Text.StringBuilder Setup() => new();\n",
            [D("MRG0037", $"The task setup 'Setup' {problem}" + string.Format(System.Globalization.CultureInfo.InvariantCulture, SetupAdvice, "Setup"))]);
    }

    [Fact]
    public void MRG0037_task_state_of_the_parameters_type()
    {
        Check(
            """
                [Mapper]
                public static void Map(string line, Emitter<string, int> emit, string prefix) => emit.Emit(prefix + line, 1);

                [TaskSetup]
                public static [|string|] Setup(string prefix) => prefix;
            """ + FoldReducer,
            """
                [Mapper]
                public static void Map(string line, Emitter<string, int> emit, string prefix, System.Text.StringBuilder buffer) => emit.Emit(buffer.Clear().Append(prefix).Append(line).ToString(), 1);

                [TaskSetup]
                public static System.Text.StringBuilder Setup(string prefix) => new(prefix.Length);
            """ + FoldReducer,
            [D("MRG0037", "The task setup 'Setup' returns 'string', the type of the job's parameters, so a method taking one could mean either" + string.Format(System.Globalization.CultureInfo.InvariantCulture, SetupAdvice, "Setup"))]);
    }

    [Fact]
    public void A_task_setup_takes_only_the_parameters_and_a_counters_and_a_method_takes_its_state_once()
    {
        DiagnosticVerifier.Verify(
            Job(GoodMapper + FoldReducer + """
                [TaskSetup]
                public static System.Text.StringBuilder Setup(string prefix, [|int more|]) => new();
            """),
            [D("MRG0023", "The task setup 'Setup' takes 'more' after the parameters 'prefix'; the job's parameters are one object" + string.Format(System.Globalization.CultureInfo.InvariantCulture, Extra, "task setup"))]);
        DiagnosticVerifier.Verify(
            Job("""
                [Mapper]
                public static void Map(string line, Emitter<string, int> emit, System.Text.StringBuilder a, [|System.Text.StringBuilder b|]) => emit.Emit(line, 1);

                [TaskSetup]
                public static System.Text.StringBuilder Setup() => new();
            """ + FoldReducer),
            [D("MRG0023", "The mapper 'Map' takes the task state a second time, as 'b'" + string.Format(System.Globalization.CultureInfo.InvariantCulture, Extra, "mapper"))]);
    }

    [Fact]
    public void A_fold_reducer_and_a_combiner_take_no_task_state()
    {
        // They run any number of times, map-side too, outside any one task.
        DiagnosticVerifier.Verify(
            Job(GoodMapper + """
                [Reducer]
                public static int Reduce(int left, int right, [|System.Text.StringBuilder state|]) => left + right;

                [TaskSetup]
                public static System.Text.StringBuilder Setup() => new();
            """),
            [D("MRG0009", "The reducer 'Reduce' folds two values and then takes 'state'; a fold runs any number of times, map-side too, so it takes neither the job's parameters nor a Counters: remove 'state' (or, to finish each key once, make it 'static TResult Reduce(TKey key, TValue combined, ...)' with a [Combiner]): declare it as 'static TValue Reduce(TValue left, TValue right)', 'static TResult Reduce(TKey key, ReadOnlySpan<TValue> values)', 'static TResult Reduce(TKey key, IReadOnlyList<TValue> values)', 'static TResult Reduce(TKey key, TValue combined)' with a [Combiner], 'static TResult Reduce(TKey key)' for keys only, or 'static void Reduce(TKey key, ReadOnlySpan<TValue> values, RecordOutput<TRecord> output)'")]);
    }

    [Fact]
    public void A_job_with_task_state_in_its_mapper_and_reducer_compiles_clean()
    {
        DiagnosticVerifier.VerifyClean(
            Job("""
                [TaskSetup]
                public static System.Text.StringBuilder Setup(string prefix, Counters counters) { counters.Increment("setups"); return new(prefix); }

                [Mapper]
                public static void Map(string line, Emitter<string, int> emit, System.Text.StringBuilder buffer, Counters counters) => emit.Emit(line, buffer.Length);

                [Combiner]
                public static int Combine(int left, int right) => left + right;

                [Reducer]
                public static void Reduce(string key, int total, RecordOutput<string> output, string prefix, System.Text.StringBuilder buffer) =>
                    output.Add(buffer.Clear().Append(prefix).Append(key).Append(total).ToString());
            """));
    }

    [Fact]
    public void MRG0032_helper_outside_a_job()
    {
        DiagnosticVerifier.Verify(Usings + """
            public static class Helpers
            {
                [[|Combiner|]]
                public static int Combine(int left, int right) => left + right;
            }
            """,
            [D("MRG0032", "[Combiner] is on 'Combine' in 'Helpers', which has no [Mapper] or [Reducer]: declare it in the partial job class it belongs to")]);
        DiagnosticVerifier.VerifyClean(Job(GoodMapper + Combiner + FinishingReducer));
    }

    [Fact]
    public void MRG0016_helper_attribute_on_a_local_function()
    {
        DiagnosticVerifier.Verify(Job(GoodMapper + FoldReducer + """
                public static int Helper()
                {
                    [[|KeyComparer|]]
                    static int Local(string left, string right) => 0;
                    return Local("a", "b");
                }
            """),
            [D("MRG0016", "[KeyComparer] is on the local function 'Local', which cannot be a key comparer: put it on a static method declared directly in the partial job class")]);
    }

    [Theory]
    [InlineData("combiner", "Combiner", "public int [|Combine|](int left, int right) => left + right;", "MRG0001", "The combiner method 'Combine' must be static: add the 'static' modifier")]
    [InlineData("key comparer", "KeyComparer", "public static int [|Compare|]<T>(string left, string right) => 0;", "MRG0002", "The key comparer method 'Compare' must not be generic: remove its type parameters and use concrete types")]
    public void Helpers_share_the_method_rules(string role, string attribute, string method, string id, string message)
    {
        _ = role;
        DiagnosticVerifier.Verify(
            Usings + "public partial class Job\n{\n" + GoodMapper + (attribute == "Combiner" ? FinishingReducer : FoldReducer) + $"\n    [{attribute}]\n    " + method + "\n}\n",
            [D(id, message)]);
    }
}
