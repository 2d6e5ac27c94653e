using System.Text.RegularExpressions;

namespace MapReduceGen.Examples;

/// <summary>What <see cref="Grep"/> looks for: a regular expression and which of its groups to count (0: the whole match).</summary>
[GenerateSerializer]
public sealed record GrepParameters(string Pattern, int Group = 0)
{
    [NonSerialized]
    private Regex? _regex;

    /// <summary>The pattern, compiled once per process (not sent to silos: each compiles its own).</summary>
    public Regex Regex => _regex ??= new Regex(Pattern, RegexOptions.CultureInvariant);
}
