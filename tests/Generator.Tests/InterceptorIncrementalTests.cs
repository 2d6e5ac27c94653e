using MapReduceGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MapReduceGen.Generator.Tests;

/// <summary>
/// Interceptors under edits, in a project that allows them: an interceptor's location names its file's content, so
/// editing a job's file rewrites that job's interceptors (and only them); edits elsewhere leave them cached.
/// </summary>
public sealed class InterceptorIncrementalTests
{
    private const string JobA = """
        using MapReduceGen;

        namespace Incremental;

        public static partial class JobA
        {
            [Mapper]
            public static void Map(string line, Emitter<string, int> emit) => emit.Emit(line, 1);

            [Reducer]
            public static int Reduce(int left, int right) => left + right;
        }
        """;

    private const string JobB = """
        using MapReduceGen;

        namespace Incremental;

        public static partial class JobB
        {
            [Mapper]
            public static void Map(int value, Emitter<int, long> emit) => emit.Emit(value % 10, value);

            [Reducer]
            public static long Reduce(long left, long right) => left + right;
        }
        """;

    [Fact]
    public void Adding_an_unrelated_type_leaves_the_interceptors_cached()
    {
        GeneratorDriverRunResult result = Rerun(compilation => compilation.AddSyntaxTrees(
            CSharpSyntaxTree.ParseText("namespace Incremental; public sealed record Added(int Value);", TestCompiler.InterceptingParseOptions, path: "Added.cs")));

        Assert.All(InterceptorOutputs(result), reason => Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, reason.ToString()));
    }

    [Fact]
    public void Editing_one_jobs_file_rewrites_only_that_jobs_interceptors()
    {
        GeneratorDriverRunResult result = Rerun(compilation =>
        {
            SyntaxTree old = compilation.SyntaxTrees.First();
            string edited = JobA.Replace("emit.Emit(line, 1)", "emit.Emit(line.Trim(), 1)", StringComparison.Ordinal);
            return compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(edited, TestCompiler.InterceptingParseOptions, path: old.FilePath));
        });

        var outputs = result.Results.Single().TrackedSteps[MapReduceGenerator.TrackingNames.Interceptors]
            .SelectMany(step => step.Outputs)
            .Select(o => (Job: ((Model.JobInterceptorsModel)o.Value).JobName, o.Reason))
            .ToList();
        Assert.Contains(("Incremental.JobA", IncrementalStepRunReason.Modified), outputs);
        Assert.Contains(outputs, o => o.Job == "Incremental.JobB" && o.Reason is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached);
    }

    private static IEnumerable<IncrementalStepRunReason> InterceptorOutputs(GeneratorDriverRunResult result) =>
        new[] { MapReduceGenerator.TrackingNames.EmitCalls, MapReduceGenerator.TrackingNames.Interceptors }
            .SelectMany(name => result.Results.Single().TrackedSteps[name])
            .SelectMany(step => step.Outputs)
            .Select(o => o.Reason);

    private static GeneratorDriverRunResult Rerun(Func<CSharpCompilation, CSharpCompilation> edit)
    {
        CSharpCompilation compilation = TestCompiler.Create([JobA, JobB], withRuntime: true, parseOptions: TestCompiler.InterceptingParseOptions);
        GeneratorDriver driver = TestCompiler.CreateDriver(TestCompiler.InterceptingParseOptions).RunGenerators(compilation);
        Assert.Equal(4, driver.GetRunResult().GeneratedTrees.Length);
        return driver.RunGenerators(edit(compilation)).GetRunResult();
    }
}
