using MapReduceGen.Generator.Tests.Infrastructure;

namespace MapReduceGen.Generator.Tests;

/// <summary>
/// The emitted source for each mapper shape and each reducer shape, checked against snapshots in Snapshots/. Each
/// case also compiles clean, so a snapshot is never accepted for code that does not build.
/// </summary>
public sealed class SnapshotTests
{
    private const string EmitterMapper = """
            [Mapper]
            public static void Map(string line, Emitter<string, int> emit)
            {
                foreach (var word in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    emit.Emit(word, 1);
                }
            }
        """;

    private const string EnumerableMapper = """
            [Mapper]
            public static IEnumerable<(string Word, int Count)> Map(string line)
            {
                foreach (var word in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    yield return (word, 1);
                }
            }
        """;

    private const string FoldReducer = """
            [Reducer]
            public static int Reduce(int left, int right) => left + right;
        """;

    private const string SpanReducer = """
            [Reducer]
            public static long Reduce(string word, ReadOnlySpan<int> counts) => counts.Length;
        """;

    private const string ListReducer = """
            [Reducer]
            public static string Reduce(string word, IReadOnlyList<int> counts) => word + counts.Count;
        """;

    public static TheoryData<string, string, string> Shapes => new()
    {
        { "EmitterMapper_FoldReducer", EmitterMapper, FoldReducer },
        { "EmitterMapper_SpanGroupReducer", EmitterMapper, SpanReducer },
        { "EmitterMapper_ListGroupReducer", EmitterMapper, ListReducer },
        { "EnumerableMapper_FoldReducer", EnumerableMapper, FoldReducer },
        { "EnumerableMapper_SpanGroupReducer", EnumerableMapper, SpanReducer },
        { "EnumerableMapper_ListGroupReducer", EnumerableMapper, ListReducer },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Emitted_source_matches_the_snapshot(string name, string mapper, string reducer)
    {
        GeneratorRun run = TestCompiler.Run($$"""
            using System;
            using System.Collections.Generic;
            using MapReduceGen;

            namespace Snapshots;

            public static partial class WordJob
            {
            {{mapper}}

            {{reducer}}
            }
            """);

        run.AssertClean();
        Snapshot.Verify(name, run.GeneratedSource("Snapshots.WordJob.MapReduce.g.cs"));
    }

    [Fact]
    public void Emitted_source_for_a_nested_internal_job_with_a_record_key_matches_the_snapshot()
    {
        GeneratorRun run = TestCompiler.Run("""
            using System;
            using MapReduceGen;

            internal readonly record struct Cell(int Row, string Column);

            public partial record Outer
            {
                internal partial struct Middle
                {
                    internal static partial class CellJob
                    {
                        [Mapper]
                        internal static void Map(int input, Emitter<Cell, (int, double)> emit) =>
                            emit.Emit(new Cell(input, "c"), (input, input / 2.0));

                        [Reducer]
                        internal static (int, double) Reduce((int, double) left, (int, double) right) =>
                            (left.Item1 + right.Item1, left.Item2 + right.Item2);
                    }
                }
            }
            """);

        run.AssertClean();
        Snapshot.Verify("NestedInternalRecordKey", run.GeneratedSource("Outer.Middle.CellJob.MapReduce.g.cs"));
    }

    public static TheoryData<string, string> ModelShapes => new()
    {
        {
            "Parameters_Counters_FoldReducer", """
                [Mapper]
                public static void Map(string line, Emitter<string, int> emit, Settings settings, Counters counters)
                {
                    counters.Increment("lines");
                    if (line.Contains(settings.Needle, StringComparison.Ordinal)) { emit.Emit(line, 1); }
                }

                [Reducer]
                public static int Reduce(int left, int right) => left + right;
            """
        },
        {
            "Combiner_FinishingReducer_SortByKey", """
                [Mapper]
                public static IEnumerable<(string, (long Sum, long Count))> Map(string line)
                {
                    yield return (line, (line.Length, 1));
                }

                [Combiner]
                public static (long Sum, long Count) Combine((long Sum, long Count) left, (long Sum, long Count) right) =>
                    (left.Sum + right.Sum, left.Count + right.Count);

                [Reducer(SortByKey = true)]
                public static double Reduce(string key, (long Sum, long Count) total, Counters counters)
                {
                    counters.Increment("keys");
                    return (double)total.Sum / total.Count;
                }
            """
        },
        {
            "TwoMappers_RecordReducer_Comparers", """
                [Mapper]
                public static void MapLines(string lines, Emitter<string, int> emit, Settings settings) => emit.Emit(lines, settings.Weight);

                [Mapper]
                public static void MapNumbers(int numbers, Emitter<string, int> emit) => emit.Emit("n", numbers);

                [KeyComparer]
                public static int CompareKeys(string left, string right) => string.CompareOrdinal(right, left);

                [ValueComparer]
                public static int CompareValues(int left, int right) => left.CompareTo(right);

                [OutputComparer]
                public static int CompareOutput(string left, string right) => left.Length.CompareTo(right.Length);

                [Reducer]
                public static void Reduce(string key, IReadOnlyList<int> values, RecordOutput<string> output, Settings settings)
                {
                    if (values.Count >= settings.Weight) { output.Add(key); }
                }
            """
        },
        {
            "Combiner_GroupingReducer_Partitioner", """
                [Mapper]
                public static void Map(string line, Emitter<string, int> emit) => emit.Emit(line, 1);

                [Combiner]
                public static int Combine(int left, int right) => left + right;

                [Partitioner]
                public static int Partition(string key, int partitionCount) => key.Length % partitionCount;

                [Reducer]
                public static int Reduce(string key, ReadOnlySpan<int> perTask) => perTask.Length;
            """
        },
    };

    [Theory]
    [MemberData(nameof(ModelShapes))]
    public void Emitted_source_of_the_job_model_matches_the_snapshot(string name, string body)
    {
        GeneratorRun run = TestCompiler.Run($$"""
            using System;
            using System.Collections.Generic;
            using MapReduceGen;

            namespace Snapshots;

            public sealed record Settings(string Needle, int Weight);

            public static partial class ModelJob
            {
            {{body}}
            }
            """);

        run.AssertClean();
        Snapshot.Verify(name, run.GeneratedSource("Snapshots.ModelJob.MapReduce.g.cs"));
    }

    [Fact]
    public void Emitted_codecs_of_records_tuples_classes_and_collections_match_the_snapshot()
    {
        GeneratorRun run = TestCompiler.Run("""
            using System;
            using System.Collections.Generic;
            using MapReduceGen;

            namespace Snapshots;

            public enum Kind { Page, Api }

            public readonly record struct Point(double X, double Y);

            public sealed class Visitor
            {
                public string Name { get; init; } = "";

                public int[]? Days { get; set; }
            }

            public sealed record Visit(string Path, Point? Where, Visitor? Visitor, List<string> Tags, Dictionary<string, long> Counts)
            {
                public int Rank { get; init; }

                public bool Tagged => Tags.Count > 0;
            }

            public static partial class CodecJob
            {
                [Mapper]
                public static void Map(Visit visit, Emitter<(string Path, Kind Kind), Visit> emit) => emit.Emit((visit.Path, Kind.Page), visit);

                [Reducer]
                public static IReadOnlyList<Point?> Reduce((string Path, Kind Kind) key, ReadOnlySpan<Visit> visits) => Where(visits);

                private static List<Point?> Where(ReadOnlySpan<Visit> visits)
                {
                    var points = new List<Point?>();
                    foreach (Visit visit in visits)
                    {
                        points.Add(visit.Where);
                    }

                    return points;
                }
            }
            """);

        run.AssertClean();
        Snapshot.Verify("Codecs_RecordsTuplesClassesCollections", run.GeneratedSource("Snapshots.CodecJob.MapReduce.g.cs"));
    }

    private const string FactoryMapper = """
            [Mapper]
            public static void Map(string line, Emitter<string, int> emit, Counters counters) => emit.Emit(line, line.Length);
        """;

    private const string FactoryCombiner = """
            [Combiner]
            public static int Combine(int left, int right) => left + right;
        """;

    /// <summary>One job per <c>JobDefinitions</c> factory, that is per row of the generator's shape table.</summary>
    public static TheoryData<string, string> DefinitionFactories => new()
    {
        { "Factory_Fold", FactoryMapper + "\n    [Reducer]\n    public static int Reduce(int left, int right) => left + right;" },
        { "Factory_Finish", FactoryMapper + FactoryCombiner + "\n    [Reducer]\n    public static long Reduce(string key, int total) => total * 2L;" },
        { "Factory_FinishRecords", FactoryMapper + FactoryCombiner + "\n    [Reducer]\n    public static void Reduce(string key, int total, RecordOutput<string> output) => output.Add(key);" },
        { "Factory_Group", FactoryMapper + "\n    [Reducer]\n    public static int Reduce(string key, ReadOnlySpan<int> values) => values.Length;" },
        { "Factory_GroupRecords", FactoryMapper + "\n    [Reducer]\n    public static void Reduce(string key, ReadOnlySpan<int> values, RecordOutput<int> output) => output.Add(values.Length);" },
        { "Factory_CombinedGroup", FactoryMapper + FactoryCombiner + "\n    [Reducer]\n    public static int Reduce(string key, ReadOnlySpan<int> perTask) => perTask.Length;" },
        { "Factory_CombinedGroupRecords", FactoryMapper + FactoryCombiner + "\n    [Reducer]\n    public static void Reduce(string key, IReadOnlyList<int> perTask, RecordOutput<string> output, Counters counters) => output.Add(key);" },
        { "Factory_Distinct", FactoryMapper + "\n    [Reducer(SortByKey = true)]\n    public static int Reduce(string key) => key.Length;" },
        { "Factory_DistinctRecords", FactoryMapper + "\n    [Reducer]\n    public static void Reduce(string key, RecordOutput<string> output, Settings settings, Counters counters) => output.Add(key + settings.Needle);" },
    };

    [Theory]
    [MemberData(nameof(DefinitionFactories))]
    public void Emitted_source_of_each_definition_factory_matches_the_snapshot(string name, string body)
    {
        Emitted_source_of_the_job_model_matches_the_snapshot(name, body);
    }
}
