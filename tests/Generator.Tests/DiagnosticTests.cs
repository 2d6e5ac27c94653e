using MapReduceGen.Generator.Tests.Infrastructure;

namespace MapReduceGen.Generator.Tests;

/// <summary>
/// Every MRG diagnostic: a wrong job gets it with the expected id, span and message (and nothing the generator
/// adds fails to compile), and the corrected job compiles with no diagnostic at all.
/// </summary>
public sealed class DiagnosticTests
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

    private const string GoodReducer = """
            [Reducer]
            public static int Reduce(int left, int right) => left + right;
        """;

    private static ExpectedDiagnostic D(string id, string message) => new(id, message);

    private static string Job(string body, string header = "public static partial class Job") =>
        Usings + header + "\n{\n" + body + "\n}\n";

    private static void Check(string wrongBody, string fixedBody, ExpectedDiagnostic[] expected, string header = "public static partial class Job", string? fixedHeader = null, string[]? allowedCompilerIds = null)
    {
        DiagnosticVerifier.Verify(Job(wrongBody, header), expected, allowedCompilerIds);
        DiagnosticVerifier.VerifyClean(Job(fixedBody, fixedHeader ?? header));
    }

    [Fact]
    public void MRG0001_mapper_not_static()
    {
        Check(
            """
                [Mapper]
                public void [|Map|](string line, Emitter<string, int> emit) => emit.Emit(line, 1);
            """ + GoodReducer,
            GoodMapper + GoodReducer,
            [D("MRG0001", "The mapper method 'Map' must be static: add the 'static' modifier")],
            header: "public partial class Job");
    }

    [Fact]
    public void MRG0001_reducer_not_static()
    {
        Check(
            GoodMapper + """
                [Reducer]
                public int [|Reduce|](int left, int right) => left + right;
            """,
            GoodMapper + GoodReducer,
            [D("MRG0001", "The reducer method 'Reduce' must be static: add the 'static' modifier")],
            header: "public partial class Job");
    }

    [Fact]
    public void MRG0002_generic_method()
    {
        Check(
            """
                [Mapper]
                public static void [|Map|]<T>(string line, Emitter<string, int> emit) => emit.Emit(line, 1);
            """ + GoodReducer,
            GoodMapper + GoodReducer,
            [D("MRG0002", "The mapper method 'Map' must not be generic: remove its type parameters and use concrete types")]);
    }

    [Fact]
    public void MRG0003_job_class_not_partial()
    {
        Check(
            GoodMapper + GoodReducer,
            GoodMapper + GoodReducer,
            [D("MRG0003", "The type 'Job' holding the job 'Job' must be partial so MapReduceGen can add Run and RunAsync: add the 'partial' modifier")],
            header: "public static class [|Job|]",
            fixedHeader: "public static partial class Job");
    }

    [Fact]
    public void MRG0003_enclosing_type_not_partial()
    {
        string body = "public static partial class Job\n{\n" + GoodMapper + GoodReducer + "\n}";
        Check(
            body,
            body,
            [D("MRG0003", "The type 'Outer' holding the job 'Outer.Job' must be partial so MapReduceGen can add Run and RunAsync: add the 'partial' modifier")],
            header: "public class [|Outer|]",
            fixedHeader: "public partial class Outer");
    }

    [Fact]
    public void MRG0004_mapper_without_reducer()
    {
        Check(
            """
                [Mapper]
                public static void [|Map|](string line, Emitter<string, int> emit) => emit.Emit(line, 1);
            """,
            GoodMapper + GoodReducer,
            [D("MRG0004", "The job class 'Job' has the mapper 'Map' but no [Reducer] method: add a static reducer method marked [Reducer]")]);
    }

    [Fact]
    public void MRG0005_reducer_without_mapper()
    {
        Check(
            """
                [Reducer]
                public static int [|Reduce|](int left, int right) => left + right;
            """,
            GoodMapper + GoodReducer,
            [D("MRG0005", "The job class 'Job' has the reducer 'Reduce' but no [Mapper] method: add a static mapper method marked [Mapper]")]);
    }

    [Fact]
    public void MRG0006_is_retired_two_mappers_make_a_job_with_two_inputs()
    {
        // A second [Mapper] used to be MRG0006; a job now has one mapper per input, and this one generates Run(lines, lines2).
        GeneratorRun run = TestCompiler.Run(Job(GoodMapper + GoodReducer + """
                [Mapper]
                public static void MapAgain(string line, Emitter<string, int> emit) => emit.Emit(line, 2);
            """));
        run.AssertClean();
        Assert.DoesNotContain(run.AnalyzerDiagnostics, d => d.Id == "MRG0006");
        Assert.Contains("global::System.Collections.Generic.IEnumerable<string> line,", run.GeneratedSource("Job.MapReduce.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void MRG0007_two_reducers()
    {
        Check(
            GoodMapper + GoodReducer + """
                [[|Reducer|]]
                public static int Max(int left, int right) => Math.Max(left, right);
            """,
            GoodMapper + GoodReducer + """
                public static int Max(int left, int right) => Math.Max(left, right);
            """,
            [D("MRG0007", "The job class 'Job' already has the reducer 'Reduce'; 'Max' is a second one: remove [Reducer] from one of them or move it to its own partial class")]);
    }

    private const string MapperForms = ": declare it as 'static void Map(TInput input, Emitter<TKey, TValue> emit)' or 'static IEnumerable<(TKey Key, TValue Value)> Map(TInput input)', optionally followed by the job's parameters and a Counters";

    [Theory]
    [InlineData("public static void [|Map|]() { }", "takes no input")]
    [InlineData("public static void Map(string line, [|int extra|], Emitter<string, int> emit) { }", "returns void but its second parameter is 'int', not Emitter<TKey, TValue>")]
    [InlineData("public static void [|Map|](string line) { }", "returns void but has no Emitter<TKey, TValue> parameter")]
    [InlineData("public static void Map(string line, [|Action<string, int> emit|]) { }", "returns void but its second parameter is 'Action<string, int>', not Emitter<TKey, TValue>")]
    [InlineData("public static void Map([|ref string line|], Emitter<string, int> emit) { }", "takes its input by 'ref'; take it by value")]
    [InlineData("public static void Map([|in string line|], Emitter<string, int> emit) { }", "takes its input by 'in'; take it by value")]
    [InlineData("public static void Map(string line, [|out Emitter<string, int> emit|]) => emit = default;", "takes its Emitter by 'out'; take it by value")]
    [InlineData("public static int [|Map|](string line) => 0;", "returns 'int', which is neither void nor IEnumerable<(TKey Key, TValue Value)> nor IEnumerable<KeyValuePair<TKey, TValue>>")]
    [InlineData("public static IEnumerable<string> [|Map|](string line) => [line];", "returns 'IEnumerable<string>', which is neither void nor IEnumerable<(TKey Key, TValue Value)> nor IEnumerable<KeyValuePair<TKey, TValue>>")]
    [InlineData("public static IEnumerable<(string, int)> Map(string line, [|Emitter<string, int> emit|]) => [];", "returns a sequence of pairs and also takes an Emitter<TKey, TValue>; use one or the other")]
    [InlineData("public static bool [|Map|](string line, Emitter<string, int> emit) => true;", "returns 'bool', which is neither void nor IEnumerable<(TKey Key, TValue Value)> nor IEnumerable<KeyValuePair<TKey, TValue>>")]
    [InlineData("public static System.Threading.Tasks.Task [|Map|](string line, Emitter<string, int> emit) => System.Threading.Tasks.Task.CompletedTask;", "returns 'Task', which is neither void nor IEnumerable<(TKey Key, TValue Value)> nor IEnumerable<KeyValuePair<TKey, TValue>>")]
    [InlineData("public static int [|Map|](string line, int extra) => 0;", "returns 'int', which is neither void nor IEnumerable<(TKey Key, TValue Value)> nor IEnumerable<KeyValuePair<TKey, TValue>>")]
    [InlineData("public static void Map([|ReadOnlySpan<char> line|], Emitter<string, int> emit) { }", "takes the ref struct 'ReadOnlySpan<char>' as input, which cannot be held in a sequence of inputs")]
    [InlineData("public static void [|Map|](dynamic line, Emitter<string, int> emit) { }", "uses the type 'dynamic', and 'dynamic' cannot be a type argument of the job; use 'object'")]
    public void MRG0008_mapper_shape(string mapper, string problem)
    {
        Check(
            "    [Mapper]\n    " + mapper + "\n" + GoodReducer,
            GoodMapper + GoodReducer,
            [D("MRG0008", "The mapper 'Map' " + problem + MapperForms)]);
    }

    private const string ReducerForms = ": declare it as 'static TValue Reduce(TValue left, TValue right)', 'static TResult Reduce(TKey key, ReadOnlySpan<TValue> values)', 'static TResult Reduce(TKey key, IReadOnlyList<TValue> values)', 'static TResult Reduce(TKey key, TValue combined)' with a [Combiner], 'static TResult Reduce(TKey key)' for keys only, or 'static void Reduce(TKey key, ReadOnlySpan<TValue> values, RecordOutput<TRecord> output)'";

    [Theory]
    [InlineData("public static void [|Reduce|](int left, int right) { }", "returns void but takes no RecordOutput<TRecord> after the values; a reducer returns the key's result or writes records to a RecordOutput<TRecord>")]
    [InlineData("public static int [|Reduce|]() => 0;", "has 0 parameters; a reducer takes a key (with its values, or alone) or two values to fold")]
    [InlineData("public static int Reduce(int a, [|long b|], int c) => a;", "takes 'int' and 'long', which is neither a fold of two values nor a key with ReadOnlySpan<TValue> or IReadOnlyList<TValue>")]
    [InlineData("public static int Reduce([|ref int left|], int right) => left;", "takes 'left' by 'ref'; take it by value")]
    [InlineData("public static int Reduce(int left, [|long right|]) => left;", "takes 'int' and 'long', which is neither a fold of two values nor a key with ReadOnlySpan<TValue> or IReadOnlyList<TValue>")]
    [InlineData("public static int Reduce(string key, [|IEnumerable<int> values|]) => 0;", "takes 'string' and 'IEnumerable<int>', which is neither a fold of two values nor a key with ReadOnlySpan<TValue> or IReadOnlyList<TValue>")]
    public void MRG0009_reducer_shape(string reducer, string problem)
    {
        Check(
            GoodMapper + "\n    [Reducer]\n    " + reducer,
            GoodMapper + GoodReducer,
            [D("MRG0009", "The reducer 'Reduce' " + problem + ReducerForms)]);
    }

    [Fact]
    public void MRG0010_key_type_mismatch_shows_both_types()
    {
        Check(
            GoodMapper + """
                [Reducer]
                public static int Reduce([|int key|], ReadOnlySpan<int> values) => values.Length;
            """,
            GoodMapper + """
                [Reducer]
                public static int Reduce(string key, ReadOnlySpan<int> values) => values.Length;
            """,
            [D("MRG0010", "The reducer 'Reduce' takes keys of type 'int' but the mapper 'Map' emits keys of type 'string': make both use the same key type")]);
    }

    [Fact]
    public void MRG0011_value_type_mismatch_in_a_fold()
    {
        Check(
            GoodMapper + """
                [Reducer]
                public static long Reduce([|long left|], long right) => left + right;
            """,
            GoodMapper + GoodReducer,
            [D("MRG0011", "The reducer 'Reduce' takes values of type 'long' but the mapper 'Map' emits values of type 'int': make both use the same value type")]);
    }

    [Fact]
    public void MRG0011_value_type_mismatch_in_a_group()
    {
        Check(
            GoodMapper + """
                [Reducer]
                public static int Reduce(string key, [|IReadOnlyList<double> values|]) => values.Count;
            """,
            GoodMapper + """
                [Reducer]
                public static int Reduce(string key, IReadOnlyList<int> values) => values.Count;
            """,
            [D("MRG0011", "The reducer 'Reduce' takes values of type 'double' but the mapper 'Map' emits values of type 'int': make both use the same value type")]);
    }

    [Fact]
    public void MRG0012_fold_result_is_not_the_value_type()
    {
        Check(
            GoodMapper + """
                [Reducer]
                public static [|long|] Reduce(int left, int right) => left + right;
            """,
            GoodMapper + GoodReducer,
            [D("MRG0012", "The fold reducer 'Reduce' returns 'long' but combines values of type 'int': return 'int', or take '(TKey key, ReadOnlySpan<int> values)' to produce a different result type")]);
    }

    private const string ReferenceKeyMessage = "The key type 'Word' of the job 'Job' neither implements IEquatable<Word> nor overrides Equals and GetHashCode, so equal-looking keys are different keys: make it a record, or implement IEquatable<Word>, or opt in to keys compared by reference with [Mapper(AllowReferenceEqualityKeys = true)]";

    private const string ReferenceKey = "public sealed class Word(string text) { public string Text { get; } = text; }\n";

    private const string ReferenceKeySpillMessage =
        "The key type 'Word' cannot be written by generated code: it is compared by reference (AllowReferenceEqualityKeys), and a key read back from disk would be another object. " +
        "Without it the job cannot spill its map output to disk, so a run whose tables outgrow the memory budget fails with an error, and JSON Lines output needs a backend serializer: " +
        "make 'Word' a record with a primary constructor (or give it settable members and a public parameterless constructor), or suppress MRG0034 to accept the limit.";

    [Fact]
    public void MRG0013_key_without_value_equality_is_an_error_and_generates_nothing()
    {
        const string Body = """
                [Mapper]
                public static void Map(string line, [|Emitter<Word, int> emit|]) => emit.Emit(new Word(line), 1);

                [Reducer]
                public static int Reduce(int left, int right) => left + right;
            """;
        GeneratorRun run = DiagnosticVerifier.Verify(Job(Body) + ReferenceKey, [D("MRG0013", ReferenceKeyMessage)]);
        Assert.Empty(run.GeneratedTrees);
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Error, Assert.Single(run.AnalyzerDiagnostics).Severity);

        DiagnosticVerifier.VerifyClean(Job(Body.Replace("[|", "", StringComparison.Ordinal).Replace("|]", "", StringComparison.Ordinal)) + "public sealed record Word(string Text);\n");
    }

    [Fact]
    public void MRG0013_on_the_return_type_of_an_enumerable_mapper()
    {
        const string Body = """
                [Mapper]
                public static [|IEnumerable<(Word, int)>|] Map(string line) => [(new Word(line), 1)];

                [Reducer]
                public static int Reduce(int left, int right) => left + right;
            """;
        DiagnosticVerifier.Verify(Job(Body) + ReferenceKey, [D("MRG0013", ReferenceKeyMessage)]);

        // Opted in: generated, and only warned that such keys cannot be spilled.
        GeneratorRun run = DiagnosticVerifier.Verify(
            Job(Body.Replace("[Mapper]", "[Mapper(AllowReferenceEqualityKeys = true)]", StringComparison.Ordinal)) + ReferenceKey,
            [D("MRG0034", ReferenceKeySpillMessage)]);
        Assert.NotEmpty(run.GeneratedTrees);
    }

    [Fact]
    public void MRG0013_opting_in_to_reference_keys_generates_the_job_with_no_error_and_MRG0034_says_it_cannot_spill()
    {
        const string Body = """
                [Mapper(AllowReferenceEqualityKeys = true)]
                public static void Map(string line, Emitter<Word, int> emit) => emit.Emit(new Word(line), 1);

                [Reducer]
                public static int Reduce(int left, int right) => left + right;
            """;
        GeneratorRun run = DiagnosticVerifier.Verify(
            Job(Body.Replace("Emitter<Word, int> emit", "[|Emitter<Word, int> emit|]", StringComparison.Ordinal)) + ReferenceKey,
            [D("MRG0034", ReferenceKeySpillMessage)]);
        Assert.NotEmpty(run.GeneratedTrees);
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning, Assert.Single(run.AnalyzerDiagnostics).Severity);

        // Opting out explicitly is the default: still the error.
        DiagnosticVerifier.Verify(
            Job(Body.Replace("AllowReferenceEqualityKeys = true", "AllowReferenceEqualityKeys = false", StringComparison.Ordinal)
                .Replace("Emitter<Word, int> emit", "[|Emitter<Word, int> emit|]", StringComparison.Ordinal)) + ReferenceKey,
            [D("MRG0013", ReferenceKeyMessage)]);
    }

    [Fact]
    public void MRG0014_private_nested_key_type()
    {
        Check(
            """
                private readonly record struct Key(string Text);

                [Mapper]
                private static void [|Map|](string line, Emitter<Key, int> emit) => emit.Emit(new Key(line), 1);

                [Reducer]
                public static int Reduce(int left, int right) => left + right;
            """,
            """
                internal readonly record struct Key(string Text);

                [Mapper]
                internal static void Map(string line, Emitter<Key, int> emit) => emit.Emit(new Key(line), 1);

                [Reducer]
                public static int Reduce(int left, int right) => left + right;
            """,
            [D("MRG0014", "The type 'Job.Key' used by the mapper 'Map' is private, so the generated Run method cannot expose it: make 'Job.Key' internal or public")]);
    }

    [Fact]
    public void MRG0015_member_named_like_a_generated_member()
    {
        Check(
            GoodMapper + GoodReducer + """
                public sealed class [|MapReduceJob|] { }

                public static int [|Run|](IEnumerable<string> lines) => 0;
            """,
            GoodMapper + GoodReducer + """
                public sealed class JobSettings { }

                public static int Execute(IEnumerable<string> lines) => 0;
            """,
            [
                D("MRG0015", "'MapReduceJob' in the job class 'Job' collides with the 'MapReduceJob' MapReduceGen generates: rename it"),
                D("MRG0015", "'Run' in the job class 'Job' collides with the 'Run' MapReduceGen generates: rename it"),
            ]);
    }

    [Fact]
    public void MRG0015_members_named_like_the_output_members()
    {
        Check(
            GoodMapper + GoodReducer + """
                public static int [|StreamAsync|](IEnumerable<string> lines) => 0;

                public static int [|RunToFilesAsync|](TextSource source, string directory) => 0;
            """,
            GoodMapper + GoodReducer + """
                public static int StreamAsync(int unrelated) => unrelated;

                public static int WriteFiles(TextSource source, string directory) => 0;
            """,
            [
                D("MRG0015", "'StreamAsync' in the job class 'Job' collides with the 'StreamAsync' MapReduceGen generates: rename it"),
                D("MRG0015", "'RunToFilesAsync' in the job class 'Job' collides with the 'RunToFilesAsync' MapReduceGen generates: rename it"),
            ]);
    }

    [Fact]
    public void MRG0015_member_named_like_RunUtf8_of_a_utf8_job()
    {
        const string Utf8Mapper = """
                public static void MapLines(ReadOnlySpan<byte> lines, Emitter<string, int> emitter) { }
            """;
        Check(
            GoodMapper + GoodReducer + Utf8Mapper + """
                public static int [|RunUtf8|](TextSource source) => 0;

                public static int [|RunUtf8|](System.IO.Stream stream, int extra) => extra;
            """,
            GoodMapper + GoodReducer + Utf8Mapper + """
                public static int CountUtf8(TextSource source) => 0;

                public static int RunUtf8(int unrelated) => unrelated;
            """,
            [
                D("MRG0015", "'RunUtf8' in the job class 'Job' collides with the 'RunUtf8' MapReduceGen generates: rename it"),
                D("MRG0015", "'RunUtf8' in the job class 'Job' collides with the 'RunUtf8' MapReduceGen generates: rename it"),
            ],
            header: "public sealed partial class Job : IUtf8TextMapper<string, int>");
    }

    [Fact]
    public void MRG0015_members_named_like_the_cluster_members()
    {
        // Stand-ins for the two types that make the generator add the cluster members (the real ones come with
        // MapReduceGen.Orleans, which this compilation does not reference).
        const string ClusterTypes = """

            namespace Orleans.Hosting { public interface ISiloBuilder { } }
            namespace MapReduceGen.Orleans { public sealed class MapReduceClusterExecutor { } }
            """;
        GeneratorRun run = DiagnosticVerifier.Verify(
            Job(GoodMapper + GoodReducer + """
                public static Orleans.Hosting.ISiloBuilder [|AddToSilo|](Orleans.Hosting.ISiloBuilder silo) => silo;

                public static int [|RunOnClusterAsync|] { get; set; }

                public static int [|StreamOnClusterAsync|](MapReduceGen.Orleans.MapReduceClusterExecutor cluster) => 0;

                public static int [|RunOnClusterToFilesAsync|];
            """) + ClusterTypes,
            [
                D("MRG0015", "'AddToSilo' in the job class 'Job' collides with the 'AddToSilo' MapReduceGen generates: rename it"),
                D("MRG0015", "'RunOnClusterAsync' in the job class 'Job' collides with the 'RunOnClusterAsync' MapReduceGen generates: rename it"),
                D("MRG0015", "'StreamOnClusterAsync' in the job class 'Job' collides with the 'StreamOnClusterAsync' MapReduceGen generates: rename it"),
                D("MRG0015", "'RunOnClusterToFilesAsync' in the job class 'Job' collides with the 'RunOnClusterToFilesAsync' MapReduceGen generates: rename it"),
            ]);
        Assert.Empty(run.GeneratedTrees);

        // Without the cluster backend these names are the user's to use.
        DiagnosticVerifier.VerifyClean(Job(GoodMapper + GoodReducer + """
                public static int AddToSilo(int silo) => silo;

                public static int RunOnClusterAsync { get; set; }

                public static int StreamOnClusterAsync(int cluster) => cluster;

                public static int RunOnClusterToFilesAsync;
            """));
    }

    [Fact]
    public void MRG0015_job_class_named_like_a_generated_member()
    {
        Check(
            GoodMapper + GoodReducer,
            GoodMapper + GoodReducer,
            [D("MRG0015", "'RunAsync' in the job class 'RunAsync' collides with the 'RunAsync' MapReduceGen generates: rename it")],
            header: "public static partial class [|RunAsync|]",
            fixedHeader: "public static partial class RunAsyncJob");
    }

    [Fact]
    public void MRG0016_attribute_on_a_property_accessor()
    {
        Check(
            GoodReducer + """
                public static int Count { [[|Mapper|]] get => 0; }
            """ + GoodMapper,
            GoodReducer + """
                public static int Count { get => 0; }
            """ + GoodMapper,
            [D("MRG0016", "[Mapper] is on the accessor of property 'Count', which cannot be a mapper: put it on a static method declared directly in the partial job class")]);
    }

    [Fact]
    public void MRG0016_attribute_on_a_local_function_and_a_lambda()
    {
        Check(
            GoodMapper + GoodReducer + """
                public static int Helper()
                {
                    [[|Mapper|]]
                    static int Local(int x) => x;

                    Func<int, int, int> add = [[|Reducer|]] static (int a, int b) => a + b;
                    return add(Local(1), 2);
                }
            """,
            GoodMapper + GoodReducer + """
                public static int Helper()
                {
                    static int Local(int x) => x;

                    Func<int, int, int> add = static (int a, int b) => a + b;
                    return add(Local(1), 2);
                }
            """,
            [
                D("MRG0016", "[Mapper] is on the local function 'Local', which cannot be a mapper: put it on a static method declared directly in the partial job class"),
                D("MRG0016", "[Reducer] is on a lambda, which cannot be a reducer: put it on a static method declared directly in the partial job class"),
            ]);
    }

    [Fact]
    public void MRG0017_abstract_mapper()
    {
        Check(
            """
                [Mapper]
                public abstract void [|[|Map|]|](string line, Emitter<string, int> emit);
            """ + GoodReducer,
            GoodMapper + GoodReducer,
            [
                D("MRG0017", "The mapper method 'Map' is abstract: give it a body in the job class"),
                D("MRG0001", "The mapper method 'Map' must be static: add the 'static' modifier"),
            ],
            header: "public abstract partial class Job");
    }

    [Fact]
    public void MRG0017_extern_reducer()
    {
        Check(
            GoodMapper + """
                [Reducer]
                public static extern int [|Reduce|](int left, int right);
            """,
            GoodMapper + GoodReducer,
            [D("MRG0017", "The reducer method 'Reduce' is extern: give it a body in the job class")],
            allowedCompilerIds: ["CS0626"]);
    }

    [Fact]
    public void MRG0018_generic_job_class()
    {
        Check(
            GoodMapper + GoodReducer,
            GoodMapper + GoodReducer,
            [D("MRG0018", "The job type 'Job<T>' is generic: declare the mapper and reducer in a non-generic partial class")],
            header: "public static partial class [|Job|]<T>",
            fixedHeader: "public static partial class Job");
    }

    [Fact]
    public void MRG0018_job_in_an_interface()
    {
        Check(
            GoodMapper + GoodReducer,
            GoodMapper + GoodReducer,
            [D("MRG0018", "The job type 'IJob' is an interface: declare the mapper and reducer in a non-generic partial class")],
            header: "public partial interface [|IJob|]",
            fixedHeader: "public static partial class Job");
    }

    [Fact]
    public void MRG0018_file_local_job_class()
    {
        Check(
            GoodMapper + GoodReducer,
            GoodMapper + GoodReducer,
            [D("MRG0018", "The job type 'Job' is file-local: declare the mapper and reducer in a non-generic partial class")],
            header: "file static partial class [|Job|]",
            fixedHeader: "internal static partial class Job");
    }

    [Fact]
    public void An_attribute_of_the_same_name_in_another_namespace_is_ignored()
    {
        GeneratorRun run = TestCompiler.Run("""
            namespace Other
            {
                [System.AttributeUsage(System.AttributeTargets.Method)]
                public sealed class MapperAttribute : System.Attribute { }
            }

            public class NotAJob
            {
                [Other.Mapper]
                public void Map(string line) { }
            }
            """);

        run.AssertClean();
        Assert.Empty(run.GeneratedTrees);
    }
}
