using MapReduceGen.Generator.Tests.Infrastructure;

namespace MapReduceGen.Generator.Tests;

/// <summary>
/// The generator turns each <c>Emit</c> call in a job's own code into a direct call to the job's map sink (C#
/// interceptors), only when the project allows it, only for emitters of the job's own types, and the job's result is
/// the same either way; an emitter over any other sink still gets every pair.
/// </summary>
public sealed class InterceptorTests
{
    private const string Job = """
        using System;
        using System.Linq;
        using System.Text;
        using MapReduceGen;

        namespace Intercepted;

        public sealed partial class Words : IUtf8TextMapper<string, int>
        {
            private Words()
            {
            }

            [Mapper]
            public static void Map(string line, Emitter<string, int> emit)
            {
                foreach (string word in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    if (word.StartsWith('#'))
                    {
                        emit.Emit(word.AsSpan(1), 10);
                    }
                    else
                    {
                        emit.Emit(word, 1);
                    }
                }
            }

            public static void MapLines(ReadOnlySpan<byte> lines, Emitter<string, int> emitter)
            {
                foreach (string word in Encoding.UTF8.GetString(lines).Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries))
                {
                    emitter.EmitUtf8(Encoding.UTF8.GetBytes(word), 1);
                }
            }

            [Reducer]
            public static int Reduce(int left, int right) => left + right;
        }

        public static partial class Lengths
        {
            [Mapper]
            public static void Map(string line, Emitter<int, string> emit) => emit.Emit(line.Length, line);

            [Reducer]
            public static string Reduce(int length, ReadOnlySpan<string> lines) => string.Join(",", lines.ToArray().Order(StringComparer.Ordinal));
        }
        """;

    private const string Probe = """
        using System.Collections.Generic;
        using MapReduceGen;

        namespace Intercepted;

        internal static class Probe
        {
            public static string Execute()
            {
                string[] lines = ["b a #a", "a c"];
                var collected = new List<string>();
                Words.Map("x #y x", new Emitter<string, int>(new Collector(collected)));
                return Show.Of(Words.Run(lines)) + " | " + Show.Of(Lengths.Run(lines)) + " | " + string.Join(",", collected);
            }

            private sealed class Collector(List<string> pairs) : EmitterSink<string, int>
            {
                public override void Emit(string key, int value) => pairs.Add(key + ":" + value);
            }
        }
        """;

    [Fact]
    public void Every_Emit_call_of_a_job_is_intercepted_and_the_job_gives_the_same_result()
    {
        GeneratorRun run = TestCompiler.RunIntercepting(Scenario.ShowSource, Job, Probe);

        run.AssertClean();
        string words = run.GeneratedSource("Intercepted.Words.Interceptors.g.cs");
        Assert.Contains("DirectEmit.EmitChars<int, int, global::MapReduceGen.Engine.FoldMapSide<global::Intercepted.Words.MapReduceJob, int>>(emitter, key, value)", words, StringComparison.Ordinal);
        Assert.Contains("DirectEmit.EmitString<int, int, global::MapReduceGen.Engine.FoldMapSide<global::Intercepted.Words.MapReduceJob, int>>(emitter, key, value)", words, StringComparison.Ordinal);
        Assert.Contains("DirectEmit.EmitUtf8<int, int, global::MapReduceGen.Engine.FoldMapSide<global::Intercepted.Words.MapReduceJob, int>>(emitter, key, value)", words, StringComparison.Ordinal);
        Assert.Contains(
            "DirectEmit.Emit<global::Intercepted.Lengths.MapReduceJob, int, string, int, global::MapReduceGen.Engine.CollectMapSide<string>>(emitter, key, value)",
            run.GeneratedSource("Intercepted.Lengths.Interceptors.g.cs"),
            StringComparison.Ordinal);

        // The compiler binds every Emit call of the jobs to a generated interceptor.
        Assert.Equal(4, Interception.InterceptedCalls(run.Output).Count);
        Assert.All(Interception.InterceptedCalls(run.Output), method => Assert.Equal("Interceptors", method.ContainingType.Name));

        // Same result as without interception; the collector (not the engine's sink) still gets every pair.
        string output = (string)JobRunner.Invoke(run.Output, "Probe", "Execute")!;
        Assert.Equal("a=12;b=1;c=1 | 3=a c;6=b a #a | x:1,y:10,x:1", output);
        Assert.Equal(Scenario.Execute(Job, Probe), output);
    }

    [Fact]
    public void Without_the_interceptors_namespace_nothing_is_intercepted_and_the_job_still_runs()
    {
        GeneratorRun run = TestCompiler.Run(Scenario.ShowSource, Job, Probe);

        run.AssertClean();
        Assert.DoesNotContain(run.GeneratedTrees, tree => tree.FilePath.EndsWith(".Interceptors.g.cs", StringComparison.Ordinal));
        Assert.Empty(Interception.InterceptedCalls(run.Output));
    }

    [Fact]
    public void Calls_outside_the_job_or_on_another_emitter_type_are_left_alone()
    {
        GeneratorRun run = TestCompiler.RunIntercepting("""
            using System;
            using MapReduceGen;

            public static partial class Job
            {
                [Mapper]
                public static void Map(string line, Emitter<string, int> emit)
                {
                    Helper.EmitAll(line, emit);
                    var other = new Emitter<int, int>(new Nothing());
                    other.Emit(1, 2);
                }

                [Reducer]
                public static int Reduce(int left, int right) => left + right;

                private sealed class Nothing : EmitterSink<int, int>
                {
                    public override void Emit(int key, int value)
                    {
                    }
                }
            }

            public static class Helper
            {
                public static void EmitAll(string line, Emitter<string, int> emit) => emit.Emit(line, 1);
            }
            """);

        run.AssertClean();
        Assert.Empty(Interception.InterceptedCalls(run.Output));
        Assert.DoesNotContain(run.GeneratedTrees, tree => tree.FilePath.EndsWith(".Interceptors.g.cs", StringComparison.Ordinal));
    }

    [Fact]
    public void Interceptors_of_a_job_match_the_snapshot()
    {
        GeneratorRun run = TestCompiler.RunIntercepting(Job);

        run.AssertClean();
        Snapshot.Verify("Interceptors_Words", run.GeneratedSource("Intercepted.Words.Interceptors.g.cs"));
    }

    [Fact]
    public void The_Emit_calls_of_every_part_of_a_partial_job_are_intercepted_and_a_nested_jobs_calls_are_its_own()
    {
        const string First = """
            using MapReduceGen;

            namespace Split;

            public static partial class Letters
            {
                [Mapper]
                public static void Map(string line, Emitter<string, int> emit)
                {
                    emit.Emit(line, 1);
                    EmitLetters(line, emit);
                }

                [Reducer]
                public static int Reduce(int left, int right) => left + right;
            }
            """;
        const string Second = """
            using System;
            using MapReduceGen;

            namespace Split;

            public static partial class Letters
            {
                private static void EmitLetters(string line, Emitter<string, int> emit)
                {
                    foreach (char letter in line) { emit.Emit(letter.ToString(), 1); }
                }

                public static partial class Lengths
                {
                    [Mapper]
                    public static void Map(string line, Emitter<string, int> emit) => emit.Emit(line.Length.ToString(), 1);

                    [Reducer]
                    public static int Reduce(int left, int right) => left + right;
                }
            }

            internal static class Probe
            {
                public static string Execute() => Show.Of(Letters.Run(["ab", "b"])) + " | " + Show.Of(Letters.Lengths.Run(["ab", "b"]));
            }
            """;
        GeneratorRun run = TestCompiler.RunIntercepting(Scenario.ShowSource, First, Second);

        run.AssertClean();
        Assert.Equal(3, Interception.InterceptedCalls(run.Output).Count);
        string letters = run.GeneratedSource("Split.Letters.Interceptors.g.cs");
        Assert.Contains("// File1.cs(10,", letters, StringComparison.Ordinal);
        Assert.Contains("// File2.cs(10,", letters, StringComparison.Ordinal);
        Assert.DoesNotContain("File2.cs(16,", letters, StringComparison.Ordinal);
        Assert.Contains("// File2.cs(16,", run.GeneratedSource("Split.Letters.Lengths.Interceptors.g.cs"), StringComparison.Ordinal);
        Assert.Equal("a=1;ab=1;b=3 | 1=1;2=1", (string)JobRunner.Invoke(run.Output, "Probe", "Execute")!);
    }

    [Fact]
    public void An_invalid_job_gets_no_interceptors()
    {
        GeneratorRun run = TestCompiler.RunIntercepting("""
            using MapReduceGen;

            public static partial class Broken
            {
                [Mapper]
                public static void Map(string line, Emitter<string, int> emit) => emit.Emit(line, 1);
            }
            """);

        Assert.DoesNotContain(run.GeneratedTrees, tree => tree.FilePath.EndsWith(".Interceptors.g.cs", StringComparison.Ordinal));
    }
}
