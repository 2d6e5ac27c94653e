using MapReduceGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MapReduceGen.Generator.Tests;

/// <summary>
/// The generator and the analyzer never throw, whatever the code: broken, incomplete, missing references, wrong
/// attribute arguments, look-alike attributes. No AD0001, CS8784 or CS8785 may ever appear.
/// </summary>
public sealed class BrokenSourceTests
{
    private const string ValidJob = """
        using System;
        using System.Collections.Generic;
        using MapReduceGen;

        namespace Corpus;

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
        """;

    public static TheoryData<string> BrokenSources => new()
    {
        "",
        "[Mapper]",
        "using MapReduceGen; [Mapper] static void Map(string s, Emitter<string, int> e) { }",
        "using MapReduceGen; partial class J { [Mapper] static void Map(string s, Emitter<string, int> e) { }",
        "using MapReduceGen; partial class J { [Mapper] static void Map(string s, Emitter<string, int> e",
        "using MapReduceGen; partial class J { [Mapper] static void Map(",
        "using MapReduceGen; partial class J { [Mapper(] static void Map(string s) { } }",
        "using MapReduceGen; partial class J { [Mapper(1, \"x\")] static void Map(string s, Emitter<string, int> e) { } [Reducer(typeof(int))] static int R(int a, int b) => a; }",
        "using MapReduceGen; partial class J { [Mapper] [Mapper] static void Map(string s, Emitter<string, int> e) { } [Reducer] static int R(int a, int b) => a; }",
        "using MapReduceGen; partial class J { [Mapper][Reducer] static int Both(int a, int b) => a; }",
        "using MapReduceGen; partial class J { [Mapper] static void Map(Missing s, Emitter<Unknown, int> e) { } [Reducer] static int R(int a, int b) => a; }",
        "using MapReduceGen; partial class J { [Mapper] static IEnumerable<(string, int)> Map(string s) => null; [Reducer] static int R(int a, int b) => a; }",
        "using MapReduceGen; partial class J { [Mapper] static void Map(string s, Emitter<string> e) { } [Reducer] static int R(int a, int b) => a; }",
        "using MapReduceGen; partial class J { [Mapper] static void Map(string s, Emitter e) { } [Reducer] static int R(int a) => a; }",
        "using MapReduceGen; partial class J { [Mapper] static void Map(string s, Emitter<string, int> e) { } [Reducer] static R(int a, int b) => a; }",
        "using MapReduceGen; partial class J { [Mapper] static void Map(string s, Emitter<string, int> e) { } [Reducer] static int R(int, int) => 0; }",
        "using MapReduceGen; partial class J { [Mapper] static void (string s, Emitter<string, int> e) { } }",
        "using MapReduceGen; partial class J { [Mapper] static void Map(this string s, Emitter<string, int> e) { } [Reducer] static int R(int a, int b) => a; }",
        "using MapReduceGen; partial class J { [Mapper] static void Map(params string[] s, Emitter<string, int> e) { } [Reducer] static int R(int a, params int[] b) => a; }",
        "using MapReduceGen; partial class J { [Mapper] static void Map(string s = null, Emitter<string, int> e = default) { } [Reducer] static int R(int a = 1, int b = 2) => a; }",
        "using MapReduceGen; partial class J { [Mapper] static void Map(string s, Emitter<string, int> e) { } [Reducer] static ref int R(int a, int b) => ref a; }",
        "using MapReduceGen; partial class J { [Mapper] static unsafe void Map(int* s, Emitter<string, int> e) { } [Reducer] static int R(int a, int b) => a; }",
        "using MapReduceGen; partial class J { [Mapper] static void Map(string s, Emitter<int*, int> e) { } [Reducer] static int R(int a, int b) => a; }",
        "using MapReduceGen; partial class J { [Mapper] static void Map(dynamic s, Emitter<dynamic, dynamic> e) { } [Reducer] static dynamic R(dynamic a, dynamic b) => a; }",
        "using MapReduceGen; partial class J { [Mapper] static void Map(string s, Emitter<(string, int), (int, int)> e) { } [Reducer] static (int, int) R((int, int) a, (int, int) b) => a; }",
        "using MapReduceGen; partial class J { [Mapper] static void Map(string s, Emitter<string[], int[]> e) { } [Reducer] static int[] R(int[] a, int[] b) => a; }",
        "using MapReduceGen; partial class J { [Mapper] static void Map(string s, Emitter<R, int> e) { } [Reducer] static int Red(int a, int b) => a; } record R(R Self, R[] Others);",
        "using MapReduceGen; partial class J<T> { [Mapper] static void Map(T s, Emitter<T, int> e) { } [Reducer] static int R(int a, int b) => a; }",
        "using MapReduceGen; partial class O<T> { partial class J { [Mapper] static void Map(T s, Emitter<T, int> e) { } [Reducer] static int R(int a, int b) => a; } }",
        "using MapReduceGen; partial struct J { [Mapper] void Map(string s, Emitter<string, int> e) { } [Reducer] int R(int a, int b) => a; }",
        "using MapReduceGen; partial interface I { [Mapper] static abstract void Map(string s, Emitter<string, int> e); [Reducer] static virtual int R(int a, int b) => a; }",
        "using MapReduceGen; enum E { [Mapper] A }",
        "using MapReduceGen; partial class J { [Mapper] J() { } [Reducer] ~J() { } [Mapper] public static J operator +(J a, J b) => a; }",
        "using MapReduceGen; partial class J { event System.Action E { [Mapper] add { } [Reducer] remove { } } }",
        "using MapReduceGen; partial class J : System.IDisposable { [Mapper] void System.IDisposable.Dispose() { } }",
        "using MapReduceGen; partial class J { [Mapper] static partial void Map(string s, Emitter<string, int> e); [Reducer] static int R(int a, int b) => a; }",
        "using MapReduceGen; delegate void D([Mapper] int x); partial class J { [return: Mapper] static int M() => 0; }",
        "using MapReduceGen; partial class J { System.Action a = [Mapper] () => { }; void M() { [Reducer] void L() { } var f = [Mapper] (int x) => x; } }",
        "using MapReduceGen; partial class Run { [Mapper] static void Map(string s, Emitter<string, int> e) { } [Reducer] static int R(int a, int b) => a; }",
        "using MapReduceGen; partial class MapReduceJob { [Mapper] static void Map(string s, Emitter<string, int> e) { } [Reducer] static int R(int a, int b) => a; }",
        "using MapReduceGen; file partial class J { [Mapper] static void Map(string s, Emitter<string, int> e) { } [Reducer] static int R(int a, int b) => a; }",
        "namespace MapReduceGen { class MapperAttribute : System.Attribute { } } partial class J { [MapReduceGen.Mapper] static void Map(string s) { } }",
        "using X = MapReduceGen.MapperAttribute; partial class J { [X] static void Map(string s, MapReduceGen.Emitter<string, int> e) { } [MapReduceGen.Reducer] static int R(int a, int b) => a; }",
        "#if DEBUG\npartial class J {\n#endif\n[MapReduceGen.Mapper] static void Map(string s, MapReduceGen.Emitter<string, int> e) { } }",
        "using MapReduceGen; partial class J { [Mapper] static void Map(string s, Emitter<string, int> e) { } [Reducer] static int R(int a, int b) => a; } partial class J { [Reducer] static int R2(int a, int b) => a; }",
        "using MapReduceGen; partial class A { partial class B { partial class C { [Mapper] static void Map(string s, Emitter<string, int> e) { } [Reducer] static int R(int a, int b) => a; } } } class D { partial class C { [Mapper] static void Map(string s) { } } }",
        "\0\u2028\uFFFF partial class J { [Mapper] }",
        "using MapReduceGen; partial class J { [Mapper] static void Map(string s, Emitter<string, int> e) => e.Emit(s, 1); [Reducer] static int R(string k, System.ReadOnlySpan<int> v) => 0; [Reducer] static int R(int a, int b) => a; }",
    };

    [Theory]
    [MemberData(nameof(BrokenSources))]
    public void Broken_source_never_makes_the_generator_or_analyzer_throw(string source) =>
        AssertNeverThrows(TestCompiler.Run(source));

    [Fact]
    public void Every_prefix_of_a_job_as_typed_in_an_editor_is_handled()
    {
        // An editor sees every intermediate state; every 5th prefix keeps the test fast while hitting every construct.
        for (int length = 0; length <= ValidJob.Length; length += 5)
        {
            AssertNeverThrows(TestCompiler.Run(ValidJob[..length]), ValidJob[..length]);
        }
    }

    [Fact]
    public void Every_single_line_deletion_of_a_job_is_handled()
    {
        string[] lines = ValidJob.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string source = string.Join('\n', lines.Where((_, index) => index != i));
            AssertNeverThrows(TestCompiler.Run(source), source);
        }
    }

    [Fact]
    public void A_job_without_the_runtime_referenced_is_ignored_quietly()
    {
        GeneratorRun run = TestCompiler.Run(TestCompiler.Create([ValidJob], withRuntime: false));

        AssertNeverThrows(run);
        Assert.Empty(run.GeneratedTrees);
        Assert.DoesNotContain(run.AnalyzerDiagnostics, d => d.Id.StartsWith("MRG", StringComparison.Ordinal));
    }

    [Fact]
    public void A_job_split_across_files_with_a_broken_part_is_handled()
    {
        AssertNeverThrows(TestCompiler.Run(
            ValidJob,
            "namespace Corpus; public static partial class WordCount { [MapReduceGen.Mapper] public static void Other(",
            "namespace Corpus; public partial class WordCount { }"));
    }

    [Fact]
    public async Task A_cancelled_analysis_stops_with_OperationCanceledException()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        var compilation = TestCompiler.Create(ValidJob);
        var withAnalyzers = compilation.WithAnalyzers([new Diagnostics.JobAnalyzer()]);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellation.Token));
    }

    [Fact]
    public void A_cancelled_generator_run_stops_with_OperationCanceledException()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        var compilation = TestCompiler.Create(ValidJob);

        Assert.ThrowsAny<OperationCanceledException>(() => TestCompiler.CreateDriver().RunGenerators(compilation, cancellation.Token));
    }

    private static void AssertNeverThrows(GeneratorRun run, string? source = null)
    {
        string context = source is null ? "" : "\nSource:\n" + source;
        Assert.True(run.GeneratorExceptions.Count == 0, "Generator threw: " + string.Join("\n", run.GeneratorExceptions) + context);
        Assert.True(run.AnalyzerExceptions.Count == 0, "Analyzer threw: " + string.Join("\n", run.AnalyzerExceptions) + context);
        var failures = run.GeneratorDiagnostics.Concat(run.AnalyzerDiagnostics).Concat(run.Output.GetDiagnostics())
            .Where(d => d.Id is "AD0001" or "CS8784" or "CS8785")
            .ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures) + context);

        // Generated code never adds errors of its own: whatever it emits compiles.
        var generatedErrors = run.Output.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error && run.GeneratedTrees.Any(t => t == d.Location.SourceTree))
            .ToList();
        Assert.True(generatedErrors.Count == 0, "Errors in generated code:\n" + string.Join("\n", generatedErrors) + context);
    }
}
