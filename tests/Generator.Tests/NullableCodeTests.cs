using MapReduceGen.Generator.Tests.Infrastructure;

namespace MapReduceGen.Generator.Tests;

/// <summary>
/// Generated code is warning-free under nullable analysis whatever the key and value annotations (issue 19): nullable
/// string keys in the 0.1.0 shape, with a [KeyComparer], a [Partitioner], parameters, an optional mapper parameter, two
/// mappers whose annotations differ, nullable values and results, tuples and records of nullable members, sequence mappers.
/// Each job compiles with nullable on and every warning an error, interceptors on and off, and runs.
/// </summary>
public sealed class NullableCodeTests
{
    public static TheoryData<string, string, string, bool> Jobs()
    {
        var cases = new (string Name, string Job, string Probe)[]
        {
            (
                "a nullable string key, 0.1.0 shape",
                """
                public static partial class Job
                {
                    [Mapper]
                    public static void Map(string line, Emitter<string?, int> emit)
                    {
                        emit.Emit(line, 1);
                        emit.Emit(line.Length > 99 ? null : line[..1], 1);
                    }

                    [Reducer]
                    public static int Reduce(int left, int right) => left + right;
                }
                """,
                "Show.Of(Job.Run(Lines))"),
            (
                "a nullable key with a key comparer",
                """
                public static partial class Job
                {
                    [Mapper]
                    public static void Map(string line, Emitter<string?, int> emit) => emit.Emit(line, 1);

                    [KeyComparer]
                    public static int Descending(string? left, string? right) => string.CompareOrdinal(right, left);

                    [Reducer]
                    public static int Reduce(int left, int right) => left + right;
                }
                """,
                "string.Join(\",\", Job.Run(Lines).Keys)"),
            (
                "a nullable key with a partitioner and parameters",
                """
                public sealed record Settings(int Weight);

                public static partial class Job
                {
                    [Mapper]
                    public static void Map(string line, Emitter<string?, int> emit, Settings? settings) => emit.Emit(line, settings?.Weight ?? 1);

                    [Partitioner]
                    public static int Partition(string? key, int partitionCount) => (key?.Length ?? 0) % partitionCount;

                    [Reducer]
                    public static int Reduce(string? key, ReadOnlySpan<int> values, Settings? settings) => values.Length * (settings?.Weight ?? 1);
                }
                """,
                "Show.Of(Job.Run(Lines, new Settings(2)))"),
            (
                "an optional mapper parameter",
                """
                public static partial class Job
                {
                    [Mapper]
                    public static void Map(string line, Emitter<string?, int> emit, string? prefix = null) => emit.Emit(prefix + line, 1);

                    [Reducer]
                    public static int Reduce(string? key, IReadOnlyList<int> values, string? prefix) => values.Count;
                }
                """,
                "Show.Of(Job.Run(Lines, \">\"))"),
            (
                "two mappers whose annotations differ",
                """
                public static partial class Job
                {
                    [Mapper]
                    public static void MapLines(string line, Emitter<string?, int> emit) => emit.Emit(line, 1);

                    [Mapper]
                    public static IEnumerable<(string Key, int Value)> MapNumbers(int number) => [("n" + number, number)];

                    [Mapper]
                    public static void MapWords(string word, Emitter<string, int> emit) => emit.Emit(word, 2);

                    [Reducer]
                    public static int Reduce(int left, int right) => left + right;
                }
                """,
                "Show.Of(Job.Run(Lines, [1, 2], [\"w\"]))"),
            (
                "nullable values, results and records",
                """
                public sealed record Entry(string? Name, int? Count);

                public static partial class Job
                {
                    [Mapper]
                    public static void Map(string line, Emitter<(string? First, int Length), Entry?> emit) =>
                        emit.Emit((line.Length > 1 ? line[..1] : null, line.Length), line.Length == 2 ? null : new Entry(line, null));

                    [Combiner]
                    public static Entry? Combine(Entry? left, Entry? right) => left ?? right;

                    [Reducer(SortByKey = true)]
                    public static void Reduce((string? First, int Length) key, Entry? entry, RecordOutput<string?> output) =>
                        output.Add(entry?.Name);
                }
                """,
                "string.Join(\",\", Job.Run(Lines).Select(r => r ?? \"-\"))"),
            (
                "a nullable record key, a finishing reducer returning null",
                """
                public sealed record Word(string Text);

                public static partial class Job
                {
                    [Mapper]
                    public static IEnumerable<(Word? Key, string? Value)>? Map(string line) => [(new Word(line), line)];

                    [Combiner]
                    public static string? Combine(string? left, string? right) => left + right;

                    [Reducer]
                    public static string? Reduce(Word? key, string? combined) => combined?.Length > 3 ? null : combined;
                }
                """,
                "Show.Of(Job.Run(Lines))"),
        };

        var data = new TheoryData<string, string, string, bool>();
        foreach ((string name, string job, string probe) in cases)
        {
            data.Add(name, job, probe, false);
            data.Add(name, job, probe, true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Jobs))]
    public void Generated_code_has_no_nullable_warning_and_runs(string name, string job, string probe, bool intercepting)
    {
        string[] sources =
        [
            Scenario.ShowSource,
            "using System;\nusing System.Collections.Generic;\nusing MapReduceGen;\n\n" + job,
            $$"""
            using System.Linq;

            internal static class Probe
            {
                private static readonly string[] Lines = ["ab", "cd", "ab", "abcd"];

                public static string Execute() => {{probe}};
            }
            """,
        ];
        GeneratorRun run = intercepting ? TestCompiler.RunIntercepting(sources) : TestCompiler.Run(sources);

        run.AssertClean();
        Assert.True(run.GeneratedTrees.Length == (intercepting && job.Contains("emit.Emit", StringComparison.Ordinal) ? 2 : 1), name);
        Assert.NotEmpty((string)JobRunner.Invoke(run.Output, "Probe", "Execute")!);
    }
}
