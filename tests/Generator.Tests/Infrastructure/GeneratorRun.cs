using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace MapReduceGen.Generator.Tests.Infrastructure;

/// <summary>What one generator and analyzer run over a compilation produced.</summary>
/// <param name="Output">The compilation with the generated sources added.</param>
/// <param name="GeneratedTrees">The generated sources.</param>
/// <param name="GeneratorDiagnostics">What the driver reported (CS8784/CS8785 when a generator fails).</param>
/// <param name="GeneratorExceptions">Exceptions the generator threw.</param>
/// <param name="AnalyzerDiagnostics">MRG diagnostics and AD0001 from the analyzer.</param>
/// <param name="AnalyzerExceptions">Exceptions the analyzer threw.</param>
internal sealed record GeneratorRun(
    Compilation Output,
    ImmutableArray<SyntaxTree> GeneratedTrees,
    ImmutableArray<Diagnostic> GeneratorDiagnostics,
    IReadOnlyList<Exception> GeneratorExceptions,
    ImmutableArray<Diagnostic> AnalyzerDiagnostics,
    IReadOnlyList<Exception> AnalyzerExceptions)
{
    /// <summary>
    /// Compiler warnings and errors of the output (user code plus generated code). Missing XML docs (CS1591) count
    /// only in generated code: test sources need not document themselves.
    /// </summary>
    public IReadOnlyList<Diagnostic> CompilerProblems =>
        Output.GetDiagnostics()
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .Where(d => d.Id != "CS1591" || GeneratedTrees.Any(t => t.FilePath == d.Location.SourceTree?.FilePath))
            .ToList();

    public string GeneratedSource(string hintNameSuffix) =>
        GeneratedTrees.Single(t => t.FilePath.EndsWith(hintNameSuffix, StringComparison.Ordinal)).GetText().ToString();

    /// <summary>Fails with every problem listed when anything at all was reported.</summary>
    public void AssertClean()
    {
        var problems = new List<string>();
        problems.AddRange(GeneratorDiagnostics.Select(d => "generator: " + d));
        problems.AddRange(GeneratorExceptions.Select(e => "generator threw: " + e));
        problems.AddRange(AnalyzerDiagnostics.Select(d => "analyzer: " + d));
        problems.AddRange(AnalyzerExceptions.Select(e => "analyzer threw: " + e));
        problems.AddRange(CompilerProblems.Select(d => "compiler: " + d));
        Assert.True(problems.Count == 0, "Expected a clean build, got:\n" + string.Join("\n", problems) + "\n\nGenerated:\n" +
            string.Join("\n", GeneratedTrees.Select(t => "==== " + t.FilePath + "\n" + t.GetText())));
    }
}
