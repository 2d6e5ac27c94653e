using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MapReduceGen.Generator.Benchmarks;

/// <summary>
/// A synthetic user project: <see cref="JobCount"/> jobs, one per file, cycling through both mapper shapes, the
/// original reducer shapes and jobs of the full model (a combiner and a finishing reducer with parameters and counters,
/// records, keys only), and several key types, plus one unrelated file whose method body the incremental benchmark edits.
/// <see cref="SyntheticShapes.Original"/> makes the project of the 0.1.0 shapes only, as the generator's first figures
/// were taken on (the same source, job for job), so today's generator can be compared with them like for like.
/// </summary>
internal static class SyntheticProject
{
    public const int JobCount = 200;

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Preview);

    /// <summary>As <see cref="ParseOptions"/>, with interceptors allowed as the package allows them.</summary>
    public static readonly CSharpParseOptions InterceptingParseOptions = ParseOptions.WithFeatures(
    [
        new KeyValuePair<string, string>("InterceptorsNamespaces", "MapReduceGen.Generated"),
        new KeyValuePair<string, string>("InterceptorsPreviewNamespaces", "MapReduceGen.Generated"),
    ]);

    public const string UnrelatedPath = "Unrelated.cs";

    public static CSharpCompilation Create(CSharpParseOptions options, SyntheticShapes shapes = SyntheticShapes.Full)
    {
        var trees = new List<SyntaxTree>();
        for (int i = 0; i < JobCount; i++)
        {
            trees.Add(CSharpSyntaxTree.ParseText(JobSource(i, shapes), options, path: $"Job{i}.cs"));
        }

        trees.Add(UnrelatedTree(0, options));
        var references = Basic.Reference.Assemblies.Net100.References.All
            .Append(MetadataReference.CreateFromFile(typeof(MapperAttribute).Assembly.Location));
        return CSharpCompilation.Create(
            "Synthetic",
            trees,
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    /// <summary>The unrelated file; <paramref name="version"/> changes a method body only.</summary>
    public static SyntaxTree UnrelatedTree(int version, CSharpParseOptions options) => CSharpSyntaxTree.ParseText(
        "namespace Synthetic.Helpers;\n\npublic static class Unrelated\n{\n    public static int Compute(int value)\n    {\n" +
        "        return value * " + version.ToString(CultureInfo.InvariantCulture) + ";\n    }\n}\n",
        options,
        path: UnrelatedPath);

    private static string JobSource(int index, SyntheticShapes shapes)
    {
        string key = (index % 4) switch
        {
            0 => "string",
            1 => "int",
            2 => "(string Name, int Id)",
            _ => "Key" + index.ToString(CultureInfo.InvariantCulture),
        };
        string keyOf = (index % 4) switch
        {
            0 => "line",
            1 => "line.Length",
            2 => "(line, line.Length)",
            _ => "new Key" + index.ToString(CultureInfo.InvariantCulture) + "(line)",
        };
        string mapper = (index % 2) == 0
            ? $"    [Mapper]\n    public static void Map(string line, Emitter<{key}, int> emit) => emit.Emit({keyOf}, 1);\n"
            : $"    [Mapper]\n    public static IEnumerable<({key}, int)> Map(string line) => [({keyOf}, 1)];\n";
        string reducer = (index % (shapes == SyntheticShapes.Original ? 3 : 6)) switch
        {
            0 => "    [Reducer]\n    public static int Reduce(int left, int right) => left + right;\n",
            1 => $"    [Reducer]\n    public static long Reduce({key} key, ReadOnlySpan<int> values) => values.Length;\n",
            2 => $"    [Reducer]\n    public static string Reduce({key} key, IReadOnlyList<int> values) => key + \":\" + values.Count;\n",
            3 => "    [Combiner]\n    public static int Combine(int left, int right) => left + right;\n\n" +
                 $"    [Reducer(SortByKey = true)]\n    public static double Reduce({key} key, int total, long scale, Counters counters) => total * (double)scale;\n",
            4 => $"    [Reducer]\n    public static void Reduce({key} key, ReadOnlySpan<int> values, RecordOutput<string> output) => output.Add(key + \":\" + values.Length);\n",
            _ => $"    [Reducer]\n    public static string Reduce({key} key) => key + \":\";\n",
        };
        string extraType = index % 4 == 3 ? $"\npublic readonly record struct Key{index}(string Text);\n" : "";
        return $$"""
            using System;
            using System.Collections.Generic;
            using MapReduceGen;

            namespace Synthetic.Jobs{{index / 20}};
            {{extraType}}
            public static partial class Job{{index}}
            {
            {{mapper}}
            {{reducer}}
                public static int Helper{{index}}(int value) => value + {{index}};
            }
            """;
    }
}

/// <summary>Which reducer shapes <see cref="SyntheticProject"/> cycles through.</summary>
public enum SyntheticShapes
{
    /// <summary>Every shape of the job model (six reducers, a combiner, parameters, counters, records, keys only).</summary>
    Full,

    /// <summary>The three reducer shapes of 0.1.0 (fold, span, list), as in the generator's first figures.</summary>
    Original,
}
