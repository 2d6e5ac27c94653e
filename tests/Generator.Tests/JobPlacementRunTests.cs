using MapReduceGen.Generator.Tests.Infrastructure;

namespace MapReduceGen.Generator.Tests;

/// <summary>
/// Jobs wherever a user may put them: static or not, top-level or nested in partial classes, structs and records,
/// in file-scoped, block or no namespace, several per project, with any accessibility. Each compiles clean and runs.
/// </summary>
public sealed class JobPlacementRunTests
{
    private static string Job(string name, string modifiers = "public static") => $$"""
        {{modifiers}} partial class {{name}}
        {
            [MapReduceGen.Mapper]
            public static void Map(int input, MapReduceGen.Emitter<int, int> emit) => emit.Emit(input % 2, input);

            [MapReduceGen.Reducer]
            public static int Reduce(int left, int right) => left + right;
        }
        """;

    private static string Probe(string job) => $$"""
        internal static class Probe
        {
            public static string Execute() => Show.Of({{job}}.Run(new[] { 1, 2, 3, 4, 5 }));
        }
        """;

    [Fact]
    public void Non_static_job_in_a_block_namespace()
    {
        string output = Scenario.Execute($$"""
            namespace Outer.Inner
            {
                {{Job("Totals", "public")}}
            }
            """, Probe("Outer.Inner.Totals"));

        Assert.Equal("0=6;1=9", output);
    }

    [Fact]
    public void Job_in_the_global_namespace()
    {
        string output = Scenario.Execute(Job("GlobalJob"), Probe("GlobalJob"));

        Assert.Equal("0=6;1=9", output);
    }

    [Fact]
    public void Job_in_a_file_scoped_namespace_with_a_generated_file_name_naming_it()
    {
        GeneratorRun run = TestCompiler.Run(Scenario.ShowSource, "namespace Files.Scoped;\n" + Job("Scoped"), Probe("Files.Scoped.Scoped"));

        run.AssertClean();
        Assert.EndsWith("Files.Scoped.Scoped.MapReduce.g.cs", Assert.Single(run.GeneratedTrees).FilePath, StringComparison.Ordinal);
        Assert.Equal("0=6;1=9", (string)JobRunner.Invoke(run.Output, "Probe", "Execute")!);
    }

    [Theory]
    [InlineData("public partial class")]
    [InlineData("public static partial class")]
    [InlineData("public partial struct")]
    [InlineData("public partial record")]
    [InlineData("public partial record struct")]
    [InlineData("internal partial interface")]
    public void Job_nested_in_a_partial_type(string container)
    {
        string output = Scenario.Execute($$"""
            namespace Nesting;

            {{container}} Container
            {
                public partial class Middle
                {
                    {{Job("Nested")}}
                }
            }
            """, Probe("Nesting.Container.Middle.Nested"));

        Assert.Equal("0=6;1=9", output);
    }

    [Fact]
    public void Job_that_is_a_partial_struct_or_record()
    {
        string output = Scenario.Execute(
            Job("StructJob", "public").Replace("partial class", "partial struct", StringComparison.Ordinal),
            Job("RecordJob", "public").Replace("partial class", "partial record", StringComparison.Ordinal),
            """
            internal static class Probe
            {
                public static string Execute() => Show.Of(StructJob.Run(new[] { 1, 2 })) + "|" + Show.Of(RecordJob.Run(new[] { 3 }));
            }
            """);

        Assert.Equal("0=2;1=1|1=3", output);
    }

    [Fact]
    public void Private_job_nested_in_a_partial_class()
    {
        string output = Scenario.Execute("""
            public static partial class Host
            {
                public static string RunPrivate() => Show.Of(Hidden.Run(new[] { 1, 2, 3 }));

            """ + Job("Hidden", "private static") + """

            }

            internal static class Probe
            {
                public static string Execute() => Host.RunPrivate();
            }
            """);

        Assert.Equal("0=2;1=4", output);
    }

    [Fact]
    public void Several_jobs_in_one_project_across_files_and_namespaces()
    {
        string output = Scenario.Execute(
            "namespace A;\n" + Job("Job"),
            "namespace B { " + Job("Job") + " }",
            Job("Job"),
            """
            internal static class Probe
            {
                public static string Execute() =>
                    Show.Of(A.Job.Run(new[] { 1 })) + "|" + Show.Of(B.Job.Run(new[] { 2 })) + "|" + Show.Of(global::Job.Run(new[] { 3, 5 }));
            }
            """);

        Assert.Equal("1=1|0=2|1=8", output);
    }

    [Fact]
    public void Job_classes_whose_names_differ_only_in_case_get_distinct_files()
    {
        GeneratorRun run = TestCompiler.Run(Scenario.ShowSource, "namespace Cases;\n" + Job("Count") + Job("COUNT"), """
            internal static class Probe
            {
                public static string Execute() => Show.Of(Cases.Count.Run(new[] { 1 })) + "|" + Show.Of(Cases.COUNT.Run(new[] { 2 }));
            }
            """);

        run.AssertClean();
        Assert.Equal(2, run.GeneratedTrees.Length);
        Assert.Equal("1=1|0=2", (string)JobRunner.Invoke(run.Output, "Probe", "Execute")!);
    }

    [Fact]
    public void Partial_job_class_split_across_files()
    {
        string output = Scenario.Execute(
            """
            namespace Split;

            public static partial class Job
            {
                [MapReduceGen.Mapper]
                public static void Map(string input, MapReduceGen.Emitter<string, int> emit) => emit.Emit(input, 1);
            }
            """,
            """
            namespace Split;

            public static partial class Job
            {
                [MapReduceGen.Reducer]
                public static int Reduce(int left, int right) => left + right;
            }
            """,
            """
            internal static class Probe
            {
                public static string Execute() => Show.Of(Split.Job.Run(new[] { "x", "y", "x" }));
            }
            """);

        Assert.Equal("x=2;y=1", output);
    }

    [Theory]
    [InlineData("internal", "internal")]
    [InlineData("public", "internal")]
    [InlineData("public", "public")]
    public void Run_is_internal_whenever_the_job_or_its_key_is(string jobAccessibility, string keyAccessibility)
    {
        string output = Scenario.Execute($$"""
            using System.Reflection;
            using MapReduceGen;

            {{keyAccessibility}} record struct Key(int Value);

            {{jobAccessibility}} static partial class Job
            {
                [Mapper]
                {{keyAccessibility}} static void Map(int input, Emitter<Key, int> emit) => emit.Emit(new Key(input % 2), 1);

                [Reducer]
                public static int Reduce(int left, int right) => left + right;
            }

            internal static class Probe
            {
                public static string Execute()
                {
                    var result = Job.Run(new[] { 1, 2, 3 });
                    MethodInfo run = typeof(Job).GetMethod("Run", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)!;
                    return (run.IsPublic ? "public" : run.IsAssembly ? "internal" : "other") + ":" + result[new Key(1)];
                }
            }
            """);

        string expected = jobAccessibility == "public" && keyAccessibility == "public" ? "public" : "internal";
        Assert.Equal(expected + ":2", output);
    }

    [Fact]
    public void Text_source_overloads_read_lines_of_files()
    {
        string directory = Path.Combine(Path.GetTempPath(), "mrg-gen-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            File.WriteAllText(Path.Combine(directory, "a.txt"), "x y\nx\r\nz");
            string output = Scenario.Execute($$"""
                using System;
                using MapReduceGen;

                public static partial class Words
                {
                    [Mapper]
                    public static void Map(string line, Emitter<string, int> emit)
                    {
                        foreach (var word in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                        {
                            emit.Emit(word, 1);
                        }
                    }

                    [Reducer]
                    public static int Reduce(int left, int right) => left + right;
                }

                internal static class Probe
                {
                    public static string Execute() =>
                        Show.Of(Words.Run(TextSource.FromPaths(@"{{directory}}"))) + "|" +
                        Show.Of(Words.RunAsync(TextSource.FromPaths(@"{{directory}}")).GetAwaiter().GetResult());
                }
                """);

            Assert.Equal("x=2;y=1;z=1|x=2;y=1;z=1", output);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
