using System.Reflection;
using System.Runtime.Loader;
using System.Text.RegularExpressions;
using MapReduceGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace MapReduceGen.Generator.Tests;

/// <summary>
/// The README's first C# block is a whole program: it compiles as it stands (with the implicit usings of a
/// <c>dotnet new console</c> project), the generator adds its job's <c>Run</c>, and running it prints the top words.
/// </summary>
public sealed partial class ReadmeExampleTests
{
    /// <summary>The global usings the SDK adds to a console project (ImplicitUsings=enable).</summary>
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    private static readonly Lock ConsoleGate = new();

    [GeneratedRegex("```csharp\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();

    [Fact]
    public void The_first_csharp_block_of_the_readme_compiles_and_runs_as_a_program()
    {
        string readme = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "README.md")).ReplaceLineEndings("\n");
        string program = CSharpBlock().Match(readme).Groups[1].Value;
        Assert.Contains("[Mapper]", program, StringComparison.Ordinal);

        Compilation compilation = TestCompiler.Create([program, ImplicitUsings], withRuntime: true, assemblyName: "ReadmeProgram")
            .WithOptions(TestCompiler.Options.WithOutputKind(OutputKind.ConsoleApplication));
        GeneratorRun run = TestCompiler.Run(compilation);
        run.AssertClean();
        Assert.Single(run.GeneratedTrees);

        string output = RunMain(run.Output);

        Assert.Equal("the 3\nbrown 1\ndog 1\nend 1\nfox 1\nlazy 1\nquick 1\n", output.ReplaceLineEndings("\n"));
    }

    private static string RunMain(Compilation compilation)
    {
        using var stream = new MemoryStream();
        var emit = compilation.Emit(stream);
        Assert.True(emit.Success, "Emit failed:\n" + string.Join("\n", emit.Diagnostics));
        stream.Position = 0;
        var context = new AssemblyLoadContext("ReadmeProgram", isCollectible: true);
        try
        {
            MethodInfo main = context.LoadFromStream(stream).EntryPoint ?? throw new InvalidOperationException("no entry point");
            using var output = new StringWriter();
            lock (ConsoleGate)
            {
                TextWriter original = Console.Out;
                Console.SetOut(output);
                try
                {
                    main.Invoke(null, main.GetParameters().Length == 0 ? null : [Array.Empty<string>()]);
                }
                finally
                {
                    Console.SetOut(original);
                }
            }

            return output.ToString();
        }
        finally
        {
            context.Unload();
        }
    }
}
