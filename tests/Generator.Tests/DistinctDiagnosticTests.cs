using MapReduceGen.Generator.Tests.Infrastructure;

namespace MapReduceGen.Generator.Tests;

/// <summary>
/// Wrong forms of the distinct shape (a reducer of keys only): each gets its id on the exact span with the exact message,
/// generates nothing, and the corrected job compiles with no diagnostic.
/// </summary>
public sealed class DistinctDiagnosticTests
{
    private const string Mapper = """
            [Mapper]
            public static void Map(string line, Emitter<string, int> emit) => emit.Emit(line, 1);
        """;

    private const string Reducer = """
            [Reducer]
            public static string Reduce(string key) => key.ToUpperInvariant();
        """;

    private static ExpectedDiagnostic D(string id, string message) => new(id, message);

    private static string Job(string body) =>
        "using System;\nusing System.Collections.Generic;\nusing MapReduceGen;\n\npublic static partial class Job\n{\n" + body + "\n}\n";

    private static void Check(string wrongBody, string fixedBody, ExpectedDiagnostic[] expected)
    {
        DiagnosticVerifier.Verify(Job(wrongBody), expected);
        DiagnosticVerifier.VerifyClean(Job(fixedBody));
    }

    [Fact]
    public void MRG0033_a_combiner_with_a_reducer_of_keys_only()
    {
        Check(
            Mapper + Reducer + """
                [Combiner]
                public static int [|Combine|](int left, int right) => left + right;
            """,
            Mapper + Reducer,
            [D("MRG0033", "The job class 'Job' has the combiner 'Combine' but the reducer 'Reduce' takes only keys, so no value is ever combined: remove [Combiner], or take the values ('ReadOnlySpan<TValue> values', or 'TValue combined' after the key)")]);
    }

    [Fact]
    public void MRG0010_the_key_of_a_reducer_of_keys_only_is_the_mappers_key()
    {
        Check(
            Mapper + """
                [Reducer]
                public static int Reduce([|int value|]) => value;
            """,
            Mapper + Reducer,
            [D("MRG0010", "The reducer 'Reduce' takes keys of type 'int' but the mapper 'Map' emits keys of type 'string': make both use the same key type")]);
    }

    [Fact]
    public void MRG0009_a_reducer_that_takes_a_record_output_returns_void()
    {
        Check(
            Mapper + """
                [Reducer]
                public static [|int|] Reduce(string key, RecordOutput<string> output) => 0;
            """,
            Mapper + """
                [Reducer]
                public static void Reduce(string key, RecordOutput<string> output) => output.Add(key);
            """,
            [D("MRG0009", "The reducer 'Reduce' takes a RecordOutput<TRecord> but returns 'int'; a reducer that writes records returns void" + Forms)]);
    }

    [Fact]
    public void MRG0009_a_void_reducer_of_keys_only_writes_to_a_record_output()
    {
        Check(
            Mapper + """
                [Reducer]
                public static void [|Reduce|](string key) { }
            """,
            Mapper + """
                [Reducer]
                public static void Reduce(string key, RecordOutput<string> output) => output.Add(key);
            """,
            [D("MRG0009", "The reducer 'Reduce' returns void but takes no RecordOutput<TRecord> after the values; a reducer returns the key's result or writes records to a RecordOutput<TRecord>" + Forms)]);
    }

    [Fact]
    public void MRG0028_a_value_comparer_with_a_reducer_of_keys_only()
    {
        Check(
            Mapper + Reducer + """
                [ValueComparer]
                public static int [|Ascending|](int left, int right) => left.CompareTo(right);
            """,
            Mapper + Reducer,
            [D("MRG0028", "The [ValueComparer] method 'Ascending' orders the values a reducer sees, but the reducer 'Reduce' takes only the key: remove [ValueComparer], or take the values as ReadOnlySpan<TValue> or IReadOnlyList<TValue>")]);
    }

    [Fact]
    public void MRG0022_a_reducer_of_keys_only_takes_the_jobs_parameters_type()
    {
        Check(
            """
                [Mapper]
                public static void Map(string line, Emitter<string, int> emit, string needle) => emit.Emit(line, needle.Length);

                [Reducer]
                public static string Reduce(string key, [|long minimum|]) => key;
            """,
            """
                [Mapper]
                public static void Map(string line, Emitter<string, int> emit, string needle) => emit.Emit(line, needle.Length);

                [Reducer]
                public static string Reduce(string key, string needle, Counters counters) => key + needle;
            """,
            [D("MRG0022", "The reducer 'Reduce' takes parameters of type 'long' but the mapper 'Map' takes 'string': every method of a job takes the same parameters type")]);
    }

    [Fact]
    public void MRG0023_a_reducer_of_keys_only_takes_one_parameters_object()
    {
        Check(
            Mapper + """
                [Reducer]
                public static string Reduce(string key, long minimum, [|string needle|]) => key;
            """,
            Mapper + """
                [Reducer]
                public static string Reduce(string key, Counters counters, long minimum) => key;
            """,
            [D("MRG0023", "The reducer 'Reduce' takes 'needle' after the parameters 'minimum'; the job's parameters are one object: after its required parameters, a reducer may take the job's parameters (one parameter of any type), a Counters and, in a job with a [TaskSetup], the task's state, each at most once, by value")]);
    }

    [Fact]
    public void MRG0009_a_sequence_of_values_after_the_key_is_not_the_jobs_parameters()
    {
        Check(
            Mapper + """
                [Reducer]
                public static int Reduce(string key, [|int[] values|]) => values.Length;
            """,
            Mapper + """
                [Reducer]
                public static int Reduce(string key, ReadOnlySpan<int> values) => values.Length;
            """,
            [D("MRG0009", "The reducer 'Reduce' takes 'string' and 'int[]', which is neither a fold of two values nor a key with ReadOnlySpan<TValue> or IReadOnlyList<TValue>" + Forms)]);
    }

    private const string Forms = ": declare it as 'static TValue Reduce(TValue left, TValue right)', 'static TResult Reduce(TKey key, ReadOnlySpan<TValue> values)', 'static TResult Reduce(TKey key, IReadOnlyList<TValue> values)', 'static TResult Reduce(TKey key, TValue combined)' with a [Combiner], 'static TResult Reduce(TKey key)' for keys only, or 'static void Reduce(TKey key, ReadOnlySpan<TValue> values, RecordOutput<TRecord> output)'";
}
