using System.Collections;
using System.Reflection;
using MapReduceGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MapReduceGen.Generator.Tests;

/// <summary>
/// The IDE runs the generator on every keystroke: edits that cannot change a job's output must leave every tracked
/// step Cached or Unchanged, a change to one job must regenerate only that job, and no model may hold symbols,
/// syntax or compilations (which would defeat caching and keep compilations alive).
/// </summary>
public sealed class IncrementalTests
{
    private static readonly string[] TrackedSteps =
    [
        MapReduceGenerator.TrackingNames.Jobs,
        MapReduceGenerator.TrackingNames.ValidJobs,
        MapReduceGenerator.TrackingNames.NamedJobs,
    ];

    private const string JobA = """
        using System;
        using MapReduceGen;

        namespace Incremental;

        // A comment that an edit changes.
        public static partial class JobA
        {
            [Mapper]
            public static void Map(string line, Emitter<string, int> emit)
            {
                emit.Emit(line, 1);
            }

            [Reducer]
            public static int Reduce(int left, int right) => left + right;
        }
        """;

    private const string JobB = """
        using System;
        using System.Collections.Generic;
        using MapReduceGen;

        namespace Incremental;

        // Tuple keys and a record result: the job has codec classes, whose models must cache too.
        public partial class JobB
        {
            [Mapper]
            public static IEnumerable<((int Length, char First), string)> Map(string line) => [((line.Length, line[0]), line)];

            [Reducer]
            public static Summary Reduce((int Length, char First) key, ReadOnlySpan<string> values) => new(values.Length, [.. values]);
        }

        public sealed record Summary(int Count, string[] Values);
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
    public void Editing_a_method_body_of_unrelated_code_leaves_every_job_cached()
    {
        AssertAllCached(Edit(2, Unrelated.Replace("value * 2", "value + value", StringComparison.Ordinal)));
    }

    [Fact]
    public void Adding_an_unrelated_type_leaves_every_job_cached()
    {
        GeneratorDriverRunResult result = Rerun(compilation => compilation.AddSyntaxTrees(
            CSharpSyntaxTree.ParseText("namespace Incremental; public sealed record Added(int Value);", TestCompiler.ParseOptions, path: "Added.cs")));

        AssertAllCached(result);
    }

    [Fact]
    public void Editing_a_comment_in_a_job_file_leaves_every_job_cached()
    {
        AssertAllCached(Edit(0, JobA.Replace("A comment that an edit changes.", "An edited comment.", StringComparison.Ordinal)));
    }

    [Fact]
    public void Editing_the_mapper_body_leaves_every_job_cached()
    {
        AssertAllCached(Edit(0, JobA.Replace("emit.Emit(line, 1);", "emit.Emit(line.Trim(), 1);", StringComparison.Ordinal)));
    }

    [Fact]
    public void Changing_a_mappers_signature_regenerates_only_that_job()
    {
        string changed = JobA
            .Replace("Emitter<string, int>", "Emitter<string, long>", StringComparison.Ordinal)
            .Replace("public static int Reduce(int left, int right)", "public static long Reduce(long left, long right)", StringComparison.Ordinal);
        GeneratorDriverRunResult result = Edit(0, changed);

        IncrementalGeneratorRunStep[] jobs = result.Results.Single().TrackedSteps[MapReduceGenerator.TrackingNames.NamedJobs].ToArray();
        var reasons = jobs.SelectMany(step => step.Outputs).Select(o => (Job: ((Model.JobModel)o.Value).Name, o.Reason)).ToList();
        Assert.Contains(("Incremental.JobA", IncrementalStepRunReason.Modified), reasons);
        Assert.Contains(reasons, r => r.Job == "Incremental.JobB" && r.Reason is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached);

        var outputs = result.Results.Single().TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(step => step.Outputs).ToList();
        Assert.Equal(1, outputs.Count(o => o.Reason == IncrementalStepRunReason.Modified));
        Assert.Equal(1, outputs.Count(o => o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
        Assert.Contains("long", result.GeneratedTrees.Single(t => t.FilePath.EndsWith("JobA.MapReduce.g.cs", StringComparison.Ordinal)).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Models_hold_no_symbols_syntax_or_compilations()
    {
        GeneratorDriver driver = TestCompiler.CreateDriver().RunGenerators(Create());
        GeneratorRunResult result = driver.GetRunResult().Results.Single();

        int models = 0;
        foreach (string name in TrackedSteps)
        {
            foreach (IncrementalGeneratorRunStep step in result.TrackedSteps[name])
            {
                foreach ((object value, _) in step.Outputs)
                {
                    AssertHoldsNoCompilerObjects(value, name, new HashSet<object>(ReferenceEqualityComparer.Instance));
                    models++;
                }
            }
        }

        Assert.True(models >= 6, "Expected the models of both jobs in every tracked step.");
    }

    private static CSharpCompilation Create() => TestCompiler.Create(JobA, JobB, Unrelated);

    private static GeneratorDriverRunResult Edit(int fileIndex, string newText) =>
        Rerun(compilation =>
        {
            SyntaxTree old = compilation.SyntaxTrees.ElementAt(fileIndex);
            return compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(newText, TestCompiler.ParseOptions, path: old.FilePath));
        });

    private static GeneratorDriverRunResult Rerun(Func<CSharpCompilation, CSharpCompilation> edit)
    {
        CSharpCompilation compilation = Create();
        GeneratorDriver driver = TestCompiler.CreateDriver().RunGenerators(compilation);
        Assert.Equal(2, driver.GetRunResult().GeneratedTrees.Length);
        return driver.RunGenerators(edit(compilation)).GetRunResult();
    }

    private static void AssertAllCached(GeneratorDriverRunResult runResult)
    {
        GeneratorRunResult result = runResult.Results.Single();
        Assert.Null(result.Exception);
        Assert.Equal(2, result.GeneratedSources.Length);
        var steps = TrackedSteps
            .SelectMany(name => result.TrackedSteps[name].Select(step => (name, step)))
            .Concat(result.TrackedOutputSteps.SelectMany(pair => pair.Value.Select(step => (name: pair.Key, step))))
            .ToList();
        Assert.NotEmpty(steps);
        foreach ((string name, IncrementalGeneratorRunStep step) in steps)
        {
            foreach ((object value, IncrementalStepRunReason reason) in step.Outputs)
            {
                Assert.True(
                    reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                    $"Step '{name}' output {value} was {reason}.");
            }
        }
    }

    private static void AssertHoldsNoCompilerObjects(object? value, string path, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value))
        {
            return;
        }

        Assert.False(
            value is ISymbol or SyntaxNode or SyntaxTree or Location or SemanticModel or Compilation or SyntaxToken or SyntaxReference,
            $"{path} holds a {value.GetType().FullName}: models must be plain equatable data.");

        if (value is IEnumerable sequence)
        {
            int index = 0;
            foreach (object? item in sequence)
            {
                AssertHoldsNoCompilerObjects(item, $"{path}[{index++}]", seen);
            }
        }

        for (Type? type = value.GetType(); type is not null && type != typeof(object); type = type.BaseType)
        {
            foreach (FieldInfo field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                AssertHoldsNoCompilerObjects(field.GetValue(value), path + "." + field.Name, seen);
            }
        }
    }
}
