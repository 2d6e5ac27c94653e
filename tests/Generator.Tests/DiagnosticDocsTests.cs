using MapReduceGen.Generator.Diagnostics;
using Microsoft.CodeAnalysis;

namespace MapReduceGen.Generator.Tests;

/// <summary>docs/diagnostics.md and the analyzer release notes list every diagnostic the analyzer can report.</summary>
public sealed class DiagnosticDocsTests
{
    public static TheoryData<string> Ids => new(new JobAnalyzer().SupportedDiagnostics.Select(d => d.Id));

    [Theory]
    [MemberData(nameof(Ids))]
    public void Every_id_has_a_section_with_a_wrong_example_and_a_fix(string id)
    {
        string docs = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "docs", "diagnostics.md"));
        int section = docs.IndexOf("\n## " + id + "\n", StringComparison.Ordinal);
        Assert.True(section >= 0, $"docs/diagnostics.md has no '## {id}' section (the help link points at #{id.ToLowerInvariant()}).");

        int next = docs.IndexOf("\n## ", section + 1, StringComparison.Ordinal);
        string body = next < 0 ? docs[section..] : docs[section..next];
        Assert.Contains("```csharp", body, StringComparison.Ordinal);
        Assert.Contains(id, body[(body.IndexOf("```csharp", StringComparison.Ordinal))..], StringComparison.Ordinal);
        Assert.Contains("Fix", body, StringComparison.Ordinal);
        Assert.Contains($"[{id}](#{id.ToLowerInvariant()})", docs, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Every_id_is_in_the_release_notes_with_its_severity_and_a_help_link(string id)
    {
        DiagnosticDescriptor descriptor = new JobAnalyzer().SupportedDiagnostics.Single(d => d.Id == id);
        string[] releases =
        [
            .. File.ReadAllLines(Path.Combine(RepositoryFiles.Root, "src", "Generator", "AnalyzerReleases.Shipped.md")),
            .. File.ReadAllLines(Path.Combine(RepositoryFiles.Root, "src", "Generator", "AnalyzerReleases.Unshipped.md")),
        ];

        Assert.Contains(releases, line => line.StartsWith(id + " ", StringComparison.Ordinal) && line.Contains(descriptor.DefaultSeverity.ToString(), StringComparison.Ordinal));
        Assert.EndsWith("docs/diagnostics.md#" + id.ToLowerInvariant(), descriptor.HelpLinkUri, StringComparison.Ordinal);
    }
}
