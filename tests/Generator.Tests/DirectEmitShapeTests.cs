using MapReduceGen.Engine;
using MapReduceGen.Generator.Tests.Infrastructure;

namespace MapReduceGen.Generator.Tests;

/// <summary>
/// With interceptors on, every intercepted <c>Emit</c> call of a job of every shape (every row of the generator's shape
/// table, with string and other keys, and each overload: a string, characters, UTF-8) goes straight into the engine's
/// map sink: <c>DirectEmit</c>'s type check finds the sink the job's definition made, so no call falls back to the
/// virtual <c>Emit</c>. (The fallback count is process-wide, so these tests run alone.)
/// </summary>
[Collection(nameof(DirectEmitShapeTests))]
[CollectionDefinition(nameof(DirectEmitShapeTests), DisableParallelization = true)]
public sealed class DirectEmitShapeTests
{
    private const string Combiner = "[Combiner] public static int Combine(int left, int right) => left + right;";

    /// <summary>One job per row of the shape table: its name, its combiner (if any) and its reducer, over keys of type KEY.</summary>
    private static readonly (string Name, string Combiner, string Reducer)[] Shapes =
    [
        ("Fold", "", "[Reducer] public static int Reduce(int left, int right) => left + right;"),
        ("Finish", Combiner, "[Reducer] public static string Reduce(KEY key, int total) => key + \":\" + total;"),
        ("FinishRecords", Combiner, "[Reducer] public static void Reduce(KEY key, int total, RecordOutput<string> output) => output.Add(key + \":\" + total);"),
        ("Group", "", "[Reducer] public static string Reduce(KEY key, ReadOnlySpan<int> values) => key + \":\" + values.Length;"),
        ("GroupRecords", "", "[Reducer] public static void Reduce(KEY key, IReadOnlyList<int> values, RecordOutput<string> output) => output.Add(key + \":\" + values.Count);"),
        ("CombinedGroup", Combiner, "[Reducer] public static string Reduce(KEY key, ReadOnlySpan<int> perTask) => key + \":\" + Sum(perTask);"),
        ("CombinedGroupRecords", Combiner, "[Reducer] public static void Reduce(KEY key, ReadOnlySpan<int> perTask, RecordOutput<string> output) => output.Add(key + \":\" + Sum(perTask));"),
        ("Distinct", "", "[Reducer] public static string Reduce(KEY key) => key + \":\";"),
        ("DistinctRecords", "", "[Reducer] public static void Reduce(KEY key, RecordOutput<string> output) => output.Add(key + \":\");"),
    ];

    private const string TextMapper = """
            [Mapper]
            public static void Map(string line, Emitter<string, int> emit)
            {
                foreach (var word in line.Split(' '))
                {
                    if (word.StartsWith('#')) { emit.Emit(word.AsSpan(1), 1); }
                    else if (word.StartsWith('@')) { emit.EmitUtf8(Encoding.UTF8.GetBytes(word.Substring(1)), 1); }
                    else { emit.Emit(word, 1); }
                }
            }
        """;

    private const string NumberMapper = """
            [Mapper]
            public static void Map(string line, Emitter<int, int> emit)
            {
                foreach (var word in line.Split(' ')) { emit.Emit(word.Length, 1); }
            }
        """;

    private static string Jobs()
    {
        var source = new System.Text.StringBuilder("using System;\nusing System.Collections.Generic;\nusing System.Text;\nusing MapReduceGen;\n\nnamespace Shapes;\n");
        foreach ((string name, string combiner, string reducer) in Shapes)
        {
            foreach ((string suffix, string mapper, string key) in new[] { ("Text", TextMapper, "string"), ("Number", NumberMapper, "int") })
            {
                source.Append($$"""
                    public static partial class {{name}}{{suffix}}
                    {
                    {{mapper}}

                        {{combiner}}

                        {{reducer.Replace("KEY", key, StringComparison.Ordinal)}}

                        private static int Sum(ReadOnlySpan<int> values)
                        {
                            int sum = 0;
                            foreach (int value in values) { sum += value; }
                            return sum;
                        }
                    }

                    """);
            }
        }

        return source.ToString();
    }

    private static string Probe()
    {
        var runs = string.Join(
            " + \" | \" +\n",
            Shapes.SelectMany(s => new[] { s.Name + "Text", s.Name + "Number" }).Select(job => $"            Show({job}.Run(Lines, Options))"));
        return $$"""
            using System.Collections.Generic;
            using System.Linq;
            using MapReduceGen;

            namespace Shapes;

            internal static class Probe
            {
                private static readonly string[] Lines = ["a bb #a @cc", "bb a #dd @a", "ccc"];
                private static readonly MapReduceOptions Options = new() { MaxDegreeOfParallelism = 2, ChunkSize = 1 };

                public static string Execute() =>
            {{runs}};

                private static string Show<TKey, TResult>(MapReduceResult<TKey, TResult> result) =>
                    string.Join(",", result.Select(e => e.Key + "=" + e.Value).Order(System.StringComparer.Ordinal));

                private static string Show<TRecord>(MapReduceRecords<TRecord> records) =>
                    string.Join(",", records.Select(r => r!.ToString()).Order(System.StringComparer.Ordinal));
            }
            """;
    }

    [Fact]
    public void Every_intercepted_Emit_of_every_shape_goes_straight_to_the_jobs_map_sink()
    {
        GeneratorRun run = TestCompiler.RunIntercepting(Jobs(), Probe());
        run.AssertClean();

        // Each job's three Emit calls (string jobs) or one (int jobs) is bound to a generated interceptor.
        Assert.Equal(Shapes.Length * 4, Interception.InterceptedCalls(run.Output).Count);

        long before = DirectEmit.Fallbacks;
        string output = (string)JobRunner.Invoke(run.Output, "Probe", "Execute")!;
        Assert.Equal(0, DirectEmit.Fallbacks - before);

        // The same output as without interceptors, and every shape did emit.
        Assert.Equal(Scenario.Execute(Jobs(), Probe()), output);
        string[] text = ["a=4,bb=2,cc=1,ccc=1,dd=1", "a=a:4,bb=bb:2,cc=cc:1,ccc=ccc:1,dd=dd:1", "a:4,bb:2,cc:1,ccc:1,dd:1", "a=a:,bb=bb:,cc=cc:,ccc=ccc:,dd=dd:", "a:,bb:,cc:,ccc:,dd:"];
        string[] numbers = ["1=2,2=4,3=3", "1=1:2,2=2:4,3=3:3", "1:2,2:4,3:3", "1=1:,2=2:,3=3:", "1:,2:,3:"];
        int[] outputs = [0, 1, 2, 1, 2, 1, 2, 3, 4]; // which output each row makes: a fold, results, records, keys, key records
        Assert.Equal(string.Join(" | ", outputs.SelectMany(o => new[] { text[o], numbers[o] })), output);
    }

    [Fact]
    public void An_intercepted_Emit_on_another_emitter_falls_back_and_is_counted()
    {
        // The counter the test above reads does count fallbacks: an intercepted call on a collector's emitter is one.
        GeneratorRun run = TestCompiler.RunIntercepting(Jobs(), """
            using System.Collections.Generic;
            using MapReduceGen;

            namespace Shapes;

            internal static class Probe
            {
                public static string Execute()
                {
                    var pairs = new List<string>();
                    DistinctText.Map("a #b @c", new Emitter<string, int>(new Collector(pairs)));
                    return string.Join(",", pairs);
                }

                private sealed class Collector(List<string> pairs) : EmitterSink<string, int>
                {
                    public override void Emit(string key, int value) => pairs.Add(key);
                }
            }
            """);
        run.AssertClean();

        long before = DirectEmit.Fallbacks;
        Assert.Equal("a,b,c", (string)JobRunner.Invoke(run.Output, "Probe", "Execute")!);
        Assert.Equal(3, DirectEmit.Fallbacks - before);
    }
}
