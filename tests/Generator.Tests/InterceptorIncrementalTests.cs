using MapReduceGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MapReduceGen.Generator.Tests;

/// <summary>
/// Interceptors under edits, in a project that allows them: an interceptor's location names its file's content, so
/// editing a job's file rewrites that job's interceptors (and only them); edits elsewhere leave them cached and run no
/// emitter. The calls are read with the parsed job (one read per job, none per call) and not at all when interceptors
/// are off.
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

    private const string ModelJob = """
        using System;
        using MapReduceGen;

        namespace Incremental;

        public sealed record Settings(int Minimum);

        public static partial class ModelJob
        {
            [Mapper]
            public static void Map(string line, Emitter<string, long> emit, Settings settings, Counters counters)
            {
                counters.Increment("lines");
                foreach (var word in line.Split(' '))
                {
                    if (word.Length >= settings.Minimum) { emit.Emit(word, 1L); }
                    else { emit.Emit(word.AsSpan(0, 1), 1L); }
                }

                emit.Emit("lines", 1L);
            }

            [Combiner]
            public static long Combine(long left, long right) => left + right;

            [Reducer(SortByKey = true)]
            public static void Reduce(string word, long count, RecordOutput<string> output, Settings settings) => output.Add(word + count);
        }
        """;

    private const string Unrelated = """
        namespace Incremental;

        public static class Helpers
        {
            public static int Twice(int value)
            {
                return value * 2;
            }
        }
        """;

    [Fact]
    public void Editing_a_method_body_in_an_unrelated_file_runs_no_emitter()
    {
        GeneratorDriverRunResult result = RerunAll(TestCompiler.InterceptingParseOptions, compilation =>
        {
            SyntaxTree old = compilation.SyntaxTrees.Last();
            string edited = Unrelated.Replace("value * 2", "value + value", StringComparison.Ordinal);
            return compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(edited, TestCompiler.InterceptingParseOptions, path: old.FilePath));
        });

        GeneratorRunResult run = result.Results.Single();
        Assert.Equal(6, run.GeneratedSources.Length);
        var steps = AllSteps.SelectMany(name => run.TrackedSteps[name].Select(step => (name, step)))
            .Concat(run.TrackedOutputSteps.SelectMany(pair => pair.Value.Select(step => (name: pair.Key, step))))
            .ToList();
        Assert.Contains(steps, s => s.name == MapReduceGenerator.TrackingNames.Interceptors);
        foreach ((string name, IncrementalGeneratorRunStep step) in steps)
        {
            Assert.All(step.Outputs, output => Assert.True(
                output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"Step '{name}' output {output.Value} was {output.Reason}."));
        }
    }

    [Fact]
    public void The_calls_of_a_job_are_read_once_with_the_job_not_once_per_call()
    {
        GeneratorDriverRunResult result = RerunAll(TestCompiler.InterceptingParseOptions, compilation => compilation);
        GeneratorRunResult run = result.Results.Single();

        // One item per job, holding all its calls (ModelJob makes three Emit calls), read in the step that parses the job:
        // the EmitCalls step descends from the Jobs step, and no other step reads the source.
        var calls = run.TrackedSteps[MapReduceGenerator.TrackingNames.EmitCalls].SelectMany(step => step.Outputs)
            .Select(o => (Model.JobInterceptorsModel)o.Value).ToList();
        Assert.Equal(["Incremental.JobA", "Incremental.JobB", "Incremental.ModelJob"], calls.Select(c => c.JobName).Order(StringComparer.Ordinal));
        Assert.Equal(3, calls.Single(c => c.JobName == "Incremental.ModelJob").Calls.Count);
        Assert.All(run.TrackedSteps[MapReduceGenerator.TrackingNames.EmitCalls], step => Assert.Contains(MapReduceGenerator.TrackingNames.Jobs, Ancestors(step)));
        Assert.Equal(3, run.TrackedSteps[MapReduceGenerator.TrackingNames.Jobs].Length);
    }

    [Fact]
    public void Without_interceptors_no_call_is_read()
    {
        GeneratorDriverRunResult result = RerunAll(TestCompiler.ParseOptions, compilation => compilation);
        GeneratorRunResult run = result.Results.Single();

        Assert.Equal(3, run.GeneratedSources.Length);
        Assert.All(
            run.TrackedSteps[MapReduceGenerator.TrackingNames.Jobs].SelectMany(step => step.Outputs),
            output => Assert.Null(((Model.ParsedJob)output.Value).Interceptors));
        Assert.Empty(run.TrackedSteps.GetValueOrDefault(MapReduceGenerator.TrackingNames.EmitCalls, []).SelectMany(step => step.Outputs));
    }

    private static readonly string[] AllSteps =
    [
        MapReduceGenerator.TrackingNames.Jobs,
        MapReduceGenerator.TrackingNames.ValidJobs,
        MapReduceGenerator.TrackingNames.NamedJobs,
        MapReduceGenerator.TrackingNames.EmitCalls,
        MapReduceGenerator.TrackingNames.Interceptors,
    ];

    /// <summary>The tracking names of every step a step's inputs come from, transitively.</summary>
    private static HashSet<string> Ancestors(IncrementalGeneratorRunStep step)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<IncrementalGeneratorRunStep>([step]);
        while (pending.TryPop(out IncrementalGeneratorRunStep? current))
        {
            foreach ((IncrementalGeneratorRunStep source, _) in current.Inputs)
            {
                if (source.Name is { } name)
                {
                    names.Add(name);
                }

                pending.Push(source);
            }
        }

        return names;
    }

    /// <summary>Runs the generator over JobA, JobB, ModelJob and an unrelated file, then again after <paramref name="edit"/>.</summary>
    private static GeneratorDriverRunResult RerunAll(CSharpParseOptions options, Func<CSharpCompilation, CSharpCompilation> edit)
    {
        CSharpCompilation compilation = TestCompiler.Create([JobA, JobB, ModelJob, Unrelated], withRuntime: true, parseOptions: options);
        GeneratorDriver driver = TestCompiler.CreateDriver(options).RunGenerators(compilation);
        Assert.Empty(driver.GetRunResult().Diagnostics);
        return driver.RunGenerators(edit(compilation)).GetRunResult();
    }

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
