using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace MapReduceGen.Generator.Tests.Infrastructure;

/// <summary>
/// Compiles a job whose source marks each expected diagnostic's span with <c>[|...|]</c>, and asserts that the
/// analyzer reports exactly those diagnostics (id, span, message, help link), that nothing throws, and that the
/// generator adds nothing that fails to compile (no cascade of compiler errors from generated code).
/// </summary>
internal static class DiagnosticVerifier
{
    public static GeneratorRun Verify(string markedSource, ExpectedDiagnostic[] expected, string[]? allowedCompilerIds = null)
    {
        (string source, List<TextSpan> spans) = ParseMarkup(markedSource);
        Assert.True(spans.Count == expected.Length, $"The source marks {spans.Count} spans but {expected.Length} diagnostics are expected.");

        GeneratorRun run = TestCompiler.Run(source);
        Assert.Empty(run.GeneratorExceptions);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.AnalyzerExceptions);

        var actual = run.AnalyzerDiagnostics
            .OrderBy(d => d.Location.SourceSpan.Start)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .Select(d => $"{d.Id} at {Describe(source, d.Location.SourceSpan)}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")
            .ToList();
        var wanted = spans.Zip(expected)
            .OrderBy(p => p.First.Start)
            .ThenBy(p => p.Second.Id, StringComparer.Ordinal)
            .Select(p => $"{p.Second.Id} at {Describe(source, p.First)}: {p.Second.Message}")
            .ToList();
        Assert.Equal(wanted, actual);

        foreach (Diagnostic diagnostic in run.AnalyzerDiagnostics)
        {
            Assert.Equal(
                "https://github.com/mapreducegen/MapReduceGen/blob/main/docs/diagnostics.md#" + diagnostic.Id.ToLowerInvariant(),
                diagnostic.Descriptor.HelpLinkUri);
        }

        // No cascade: generated code (if any) compiles, and user code has only the errors the test expects.
        var unexpected = run.CompilerProblems
            .Where(d => d.Severity == DiagnosticSeverity.Error || run.GeneratedTrees.Any(t => t == d.Location.SourceTree))
            .Where(d => allowedCompilerIds is null || !allowedCompilerIds.Contains(d.Id))
            .ToList();
        Assert.True(unexpected.Count == 0, "Unexpected compiler diagnostics:\n" + string.Join("\n", unexpected));
        // A job with an error generates nothing (MRG0016 on a local function or lambda leaves the job itself valid,
        // MRG0031 is about a call of Top, not a job, and MRG0034 is a warning).
        if (expected.Any(e => e.Id is not ("MRG0016" or "MRG0031" or "MRG0034")))
        {
            Assert.Empty(run.GeneratedTrees);
        }

        return run;
    }

    /// <summary>Asserts the corrected job builds with no diagnostic at all and generates its source.</summary>
    public static void VerifyClean(string source)
    {
        GeneratorRun run = TestCompiler.Run(source);
        run.AssertClean();
        Assert.NotEmpty(run.GeneratedTrees);
    }

    private static string Describe(string source, TextSpan span) =>
        $"{span.Start}..{span.End} '{source.Substring(span.Start, span.Length)}'";

    private static (string Source, List<TextSpan> Spans) ParseMarkup(string marked)
    {
        var spans = new List<TextSpan>();
        var builder = new System.Text.StringBuilder();
        var open = new Stack<int>();
        for (int i = 0; i < marked.Length; i++)
        {
            if (string.CompareOrdinal(marked, i, "[|", 0, 2) == 0)
            {
                open.Push(builder.Length);
                i++;
            }
            else if (string.CompareOrdinal(marked, i, "|]", 0, 2) == 0 && open.Count > 0)
            {
                spans.Add(TextSpan.FromBounds(open.Pop(), builder.Length));
                i++;
            }
            else
            {
                builder.Append(marked[i]);
            }
        }

        return (builder.ToString(), spans);
    }
}
