namespace MapReduceGen.Generator.Tests.Infrastructure;

/// <summary>
/// Compiles user sources with the generator under strict options, asserts the build is clean (no diagnostic of any
/// kind), then runs <c>Probe.Execute()</c> from the compiled assembly and returns what it printed.
/// </summary>
internal static class Scenario
{
    /// <summary>Shared by every scenario: prints a result deterministically (entries sorted ordinally).</summary>
    public const string ShowSource = """
        using System.Collections.Generic;
        using System.Globalization;
        using System.Linq;

        internal static class Show
        {
            public static string Of<TKey, TResult>(IEnumerable<KeyValuePair<TKey, TResult>> result) =>
                string.Join(";", result
                    .Select(pair => string.Create(CultureInfo.InvariantCulture, $"{pair.Key}={pair.Value}"))
                    .Order(System.StringComparer.Ordinal));
        }
        """;

    public static string Execute(params string[] sources)
    {
        GeneratorRun run = TestCompiler.Run([ShowSource, .. sources]);
        run.AssertClean();
        Assert.NotEmpty(run.GeneratedTrees);
        return (string)JobRunner.Invoke(run.Output, "Probe", "Execute")!;
    }
}
