using MapReduceGen.Generator.Tests.Infrastructure;

namespace MapReduceGen.Generator.Tests;

/// <summary>
/// MRG0034, the warning that a job's key, value or result type cannot be written by generated code: on the mapper's
/// emitter (keys and values) or the reducer's return type or record output (results), naming the type, the member (through
/// nested members, items and elements) and why, and saying what it costs. The job is still generated; the corrected job
/// compiles with no diagnostic at all.
/// </summary>
public sealed class CodecDiagnosticTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Text.RegularExpressions;
        using MapReduceGen;

        """;

    private const string SpillCost =
        "Without it the job cannot spill its map output to disk, so a run whose tables outgrow the memory budget fails with an error, and JSON Lines output needs a backend serializer";

    private static string Message(string role, string type, string reason, string cost = SpillCost) =>
        $"The {role} type '{type}' cannot be written by generated code: it {reason}. {cost}: make '{type}' a record with a primary constructor " +
        "(or give it settable members and a public parameterless constructor), or suppress MRG0034 to accept the limit.";

    private static string ResultCost(string what) =>
        $"Without it, JSON Lines output of the job's {what} needs a backend serializer (a local run writing JSON Lines fails)";

    private static void Check(string wrong, string fixedSource, string id, string message)
    {
        GeneratorRun run = DiagnosticVerifier.Verify(Usings + wrong, [new ExpectedDiagnostic(id, message)]);
        Assert.NotEmpty(run.GeneratedTrees);
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning, Assert.Single(run.AnalyzerDiagnostics).Severity);
        DiagnosticVerifier.VerifyClean(Usings + fixedSource);
    }

    [Fact]
    public void A_value_with_a_get_only_member_no_constructor_sets()
    {
        const string Job = """
            public static partial class Job
            {
                [Mapper]
                public static void Map(string line, [|Emitter<string, Word> emit|]) => emit.Emit(line, new Word(line));

                [Reducer]
                public static int Reduce(string key, ReadOnlySpan<Word> words) => words.Length;
            }

            """;
        Check(
            Job + "public sealed class Word(string text) { public string Text { get; } = text; }",
            Job.Replace("[|", "", StringComparison.Ordinal).Replace("|]", "", StringComparison.Ordinal) + "public sealed record Word(string Text);",
            "MRG0034",
            Message("value", "Word", "has the get-only member 'Text', which no constructor parameter sets"));
    }

    [Fact]
    public void One_type_as_key_and_value_is_reported_once_and_a_class_needs_a_constructor_to_rebuild_it()
    {
        const string Job = """
            public static partial class Job
            {
                [Mapper]
                public static void Map(string line, [|Emitter<Token, Token> emit|]) => emit.Emit(new Token(line), new Token(line));

                [Reducer]
                public static int Reduce(Token key, ReadOnlySpan<Token> tokens) => tokens.Length;
            }

            """;
        const string Token = """
            public sealed class Token : IEquatable<Token>
            {
                public Token(string text) => Text = text;
                public string Text { get; set; }
                public bool Equals(Token? other) => other is not null && other.Text == Text;
                public override bool Equals(object? obj) => Equals(obj as Token);
                public override int GetHashCode() => Text.GetHashCode(StringComparison.Ordinal);
            }
            """;
        Check(
            Job + Token,
            Job.Replace("[|", "", StringComparison.Ordinal).Replace("|]", "", StringComparison.Ordinal) +
                Token.Replace("public Token(string text) => Text = text;", "public Token() => Text = \"\";\n    public Token(string text) => Text = text;", StringComparison.Ordinal),
            "MRG0034",
            Message("key and value", "Token", "has no accessible parameterless constructor and is no record with a primary constructor, so generated code cannot make one"));
    }

    [Fact]
    public void A_framework_type_two_members_deep()
    {
        const string Job = """
            public static partial class Job
            {
                [Mapper]
                public static void Map(string line, [|Emitter<string, Rule> emit|]) => emit.Emit(line, new Rule(line, new Check(new Regex(line))));

                [Reducer]
                public static int Reduce(string key, ReadOnlySpan<Rule> rules) => rules.Length;
            }

            public sealed record Rule(string Name, Check Check);

            """;
        Check(
            Job + "public sealed record Check(Regex Pattern);",
            Job.Replace("[|", "", StringComparison.Ordinal).Replace("|]", "", StringComparison.Ordinal).Replace("new Regex(line)", "line", StringComparison.Ordinal) +
                "public sealed record Check(string Pattern);",
            "MRG0034",
            Message("value", "Rule", "has the member 'Check' of type 'Check', which has the member 'Pattern' of type 'Regex', which is a framework type whose state generated code cannot see"));
    }

    [Fact]
    public void A_type_that_contains_itself()
    {
        const string Job = """
            public static partial class Job
            {
                [Mapper]
                public static void Map(string line, [|Emitter<string, Node> emit|]) => emit.Emit(line, new Node { Value = line.Length });

                [Reducer]
                public static int Reduce(string key, ReadOnlySpan<Node> nodes) => nodes.Length;
            }

            """;
        Check(
            Job + "public sealed class Node { public int Value { get; set; } public List<Node>? Children { get; set; } }",
            Job.Replace("[|", "", StringComparison.Ordinal).Replace("|]", "", StringComparison.Ordinal) +
                "public sealed class Node { public int Value { get; set; } public List<int>? Children { get; set; } }",
            "MRG0034",
            Message("value", "Node", "has the member 'Children' of type 'List<Node>?', which holds items of type 'Node', which contains itself"));
    }

    [Fact]
    public void A_result_that_is_an_interface_other_than_a_sequence()
    {
        const string Job = """
            public static partial class Job
            {
                [Mapper]
                public static void Map(string line, Emitter<string, int> emit) => emit.Emit(line, 1);

                [Reducer]
                public static [|IReadOnlyDictionary<string, int>|] Reduce(string key, ReadOnlySpan<int> values) => new Dictionary<string, int> { [key] = values.Length };
            }
            """;
        Check(
            Job,
            Job.Replace("[|IReadOnlyDictionary<string, int>|]", "Dictionary<string, int>", StringComparison.Ordinal),
            "MRG0034",
            Message("result", "IReadOnlyDictionary<string, int>", "is an interface, so what to read back is unknown", ResultCost("results")));
    }

    [Fact]
    public void Records_with_a_delegate_member_are_reported_on_the_record_output()
    {
        const string Job = """
            public static partial class Job
            {
                [Mapper]
                public static void Map(string line, Emitter<string, int> emit) => emit.Emit(line, 1);

                [Reducer]
                public static void Reduce(string key, ReadOnlySpan<int> values, [|RecordOutput<Step> output|]) => output.Add(new Step(key, Adding(values.Length)));

                private static Func<int, int> Adding(int count) => x => x + count;
            }

            """;
        Check(
            Job + "public sealed record Step(string Name, Func<int, int> Apply);",
            Job.Replace("[|", "", StringComparison.Ordinal).Replace("|]", "", StringComparison.Ordinal).Replace("Adding(values.Length)", "values.Length", StringComparison.Ordinal) +
                "public sealed record Step(string Name, int Apply);",
            "MRG0034",
            Message("record", "Step", "has the member 'Apply' of type 'Func<int, int>', which is a delegate", ResultCost("records")));
    }

    [Fact]
    public void An_abstract_value_and_an_unwritable_fold_value_are_reported_once_as_values()
    {
        const string Job = """
            public static partial class Job
            {
                [Mapper]
                public static void Map(string line, [|Emitter<string, Total> emit|]) => emit.Emit(line, new Count(1));

                [Reducer]
                public static Total Reduce(Total left, Total right) => new Count(left.Value + right.Value);
            }

            public sealed record Count(int Value) : Total(Value);

            """;
        Check(
            Job + "public abstract record Total(int Value);",
            Job.Replace("[|", "", StringComparison.Ordinal).Replace("|]", "", StringComparison.Ordinal) + "public record Total(int Value);",
            "MRG0034",
            Message("value", "Total", "is abstract, so what to read back is unknown"));
    }

    [Fact]
    public void The_warning_can_be_suppressed_and_the_job_still_runs()
    {
        GeneratorRun run = TestCompiler.Run(Usings + """
            #pragma warning disable MRG0034 // Words are never spilled: the runs are small.
            public static partial class Job
            {
                [Mapper]
                public static void Map(string line, Emitter<string, Word> emit) => emit.Emit(line, new Word(line));

                [Reducer]
                public static int Reduce(string key, ReadOnlySpan<Word> words) => words.Length;
            }
            #pragma warning restore MRG0034

            public sealed class Word(string text) { public string Text { get; } = text; }
            """);

        run.AssertClean();
        Assert.NotEmpty(run.GeneratedTrees);
    }
}
