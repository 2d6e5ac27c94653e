using System.Diagnostics;

namespace MapReduceGen.Generator.Tests;

/// <summary>
/// Real builds by the SDK's own compiler: a project with <c>Nullable</c> on and <c>TreatWarningsAsErrors</c>
/// builds every job of examples/ and jobs over nullable and non-nullable string keys of every shape, with the generator's
/// interceptors on and off (off, the package's build targets say so once); a mapper in a C# 14 extension block and a
/// project on C# 10 get their one MRG error and no compiler errors from generated code. The projects live under
/// artifacts/ (the repository's Directory.Build.props, central package versions and NuGet sources apply) and reference
/// the built runtime, cluster backend and generator.
/// </summary>
public sealed class StrictBuildTests
{
    private static readonly string Root = RepositoryFiles.Root;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Every_example_and_string_keyed_job_builds_with_nullable_on_and_warnings_as_errors(bool intercepting)
    {
        string template = File.ReadAllText(Path.Combine(Root, "tests", "Generator.Tests", "StrictBuild", "StringKeyJobs.cs.txt"));
        (int exit, string output, string directory) = Build(
            "strict-" + (intercepting ? "intercepting" : "virtual"),
            $"""
                <InterceptorsNamespaces>{(intercepting ? "MapReduceGen.Generated" : "")}</InterceptorsNamespaces>
                <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
            """,
            $"""
                <Compile Include="{Root}/examples/MapReduceGen.Examples/*.cs" Exclude="{Root}/examples/MapReduceGen.Examples/Program.cs" />
                <PackageReference Include="Microsoft.Orleans.Sdk" />
                <PackageReference Include="Microsoft.Orleans.Server" />
                <Reference Include="{Root}/src/Orleans/bin/Release/net10.0/MapReduceGen.Orleans.dll" />
            """,
            ("NonNullable.cs", template.Replace("NAMESPACE", "NonNullable", StringComparison.Ordinal).Replace("KEY", "string", StringComparison.Ordinal)),
            ("Nullable.cs", template.Replace("NAMESPACE", "Nullable", StringComparison.Ordinal).Replace("KEY", "string?", StringComparison.Ordinal)));
        try
        {
            Assert.True(exit == 0, "The build failed:\n" + output);
            Assert.DoesNotContain(": warning ", output, StringComparison.Ordinal);
            string[] jobs = Directory.GetFiles(directory, "*.MapReduce.g.cs", SearchOption.AllDirectories);
            string[] interceptors = Directory.GetFiles(directory, "*.Interceptors.g.cs", SearchOption.AllDirectories);
            Assert.True(jobs.Length >= 26, $"{jobs.Length} jobs generated");
            Assert.Contains(jobs, path => path.EndsWith("StrictJobs.Nullable.TwoInputs.MapReduce.g.cs", StringComparison.Ordinal));
            if (intercepting)
            {
                Assert.NotEmpty(interceptors);
                Assert.DoesNotContain("MapReduceGen: ", output, StringComparison.Ordinal);
            }
            else
            {
                Assert.Empty(interceptors);
                Assert.Contains(
                    "MapReduceGen: Project does not list MapReduceGen.Generated in InterceptorsNamespaces, so the Emit calls of its jobs are not intercepted",
                    output,
                    StringComparison.Ordinal);
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void A_mapper_in_an_extension_block_is_MRG0016_and_not_a_job_class_missing_partial()
    {
        (int exit, string output, string directory) = Build("strict-extension", "", "", ("Words.cs", """
            using MapReduceGen;

            namespace StrictJobs;

            internal static partial class Words
            {
                extension(string text)
                {
                    [Mapper]
                    public static void Map(string line, Emitter<string, int> emit) => emit.Emit(line, 1);
                }

                [Reducer]
                public static int Reduce(int left, int right) => left + right;
            }
            """));
        try
        {
            Assert.NotEqual(0, exit);
            Assert.Contains(
                "error MRG0016: [Mapper] is on 'Map', a member of an extension block, which cannot be a mapper: put it on a static method declared directly in the partial job class",
                output,
                StringComparison.Ordinal);
            foreach (string misleading in new[] { "MRG0003", "MRG0018", "MRG0004", "error CS" })
            {
                Assert.DoesNotContain(misleading, output, StringComparison.Ordinal);
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void A_project_on_CSharp_10_gets_MRG0036_once_and_no_compiler_error_from_generated_code()
    {
        (int exit, string output, string directory) = Build("strict-csharp10", "<LangVersion>10</LangVersion>", "", ("Count.cs", """
            using MapReduceGen;

            namespace StrictJobs;

            internal static partial class Count
            {
                [Mapper]
                public static void Map(string line, Emitter<string, int> emit) => emit.Emit(line, 1);

                [Reducer]
                public static int Reduce(int left, int right) => left + right;
            }
            """));
        try
        {
            Assert.NotEqual(0, exit);
            Assert.Contains(
                "error MRG0036: MapReduceGen needs C# 11 or later, and the job 'Count' is compiled as C# 10.0: remove <LangVersion> (.NET 7 and later default to C# 11 or later) or set it to 11 or later",
                output,
                StringComparison.Ordinal);
            Assert.DoesNotContain("error CS", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Writes a project named Project and its files into a fresh directory under artifacts/ and builds it.</summary>
    private static (int Exit, string Output, string Directory) Build(string name, string properties, string items, params (string Name, string Text)[] files)
    {
        string directory = Path.Combine(Root, "artifacts", "strict-build", name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "Project.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <IsPackable>false</IsPackable>
            {properties}
              </PropertyGroup>
              <ItemGroup>
                <Reference Include="{Root}/src/Runtime/bin/Release/net10.0/MapReduceGen.dll" />
                <Analyzer Include="{Root}/src/Generator/bin/Release/netstandard2.0/MapReduceGen.Generator.dll" />
            {items}
              </ItemGroup>
              <Import Project="{Root}/src/Runtime/build/MapReduceGen.targets" />
            </Project>
            """);
        foreach ((string file, string text) in files)
        {
            File.WriteAllText(Path.Combine(directory, file), text);
        }

        var start = new ProcessStartInfo("dotnet", ["build", "-c", "Release", "-nologo", "-v:minimal", "-nodeReuse:false", "-p:UseSharedCompilation=false"])
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using Process process = Process.Start(start)!;
        Task<string> error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The build took more than 5 minutes:\n" + output);
        }

        return (process.ExitCode, output + error.Result, directory);
    }
}
