using System.Collections.Immutable;
using MapReduceGen.CodeFixes;
using MapReduceGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace MapReduceGen.Generator.Tests;

/// <summary>The code fixes turn a wrong job into the right one, which then compiles with no diagnostic.</summary>
public sealed class CodeFixTests
{
    [Fact]
    public async Task Make_static_fixes_MRG0001()
    {
        const string Before = """
            using MapReduceGen;

            public partial class Job
            {
                [Mapper]
                public void Map(string line, Emitter<string, int> emit) => emit.Emit(line, 1);

                [Reducer]
                int Reduce(int left, int right) => left + right;
            }
            """;
        const string After = """
            using MapReduceGen;

            public partial class Job
            {
                [Mapper]
                public static void Map(string line, Emitter<string, int> emit) => emit.Emit(line, 1);

                [Reducer]
                static int Reduce(int left, int right) => left + right;
            }
            """;

        string fixedSource = await ApplyAllFixesAsync(Before, new MakeStaticCodeFix(), "MRG0001");

        Assert.Equal(After, fixedSource);
        TestCompiler.Run(fixedSource).AssertClean();
    }

    [Fact]
    public async Task Make_partial_fixes_MRG0003_on_the_job_and_its_container()
    {
        const string Before = """
            using MapReduceGen;

            namespace Fixes;

            public class Outer
            {
                internal static class Job
                {
                    [Mapper]
                    public static void Map(string line, Emitter<string, int> emit) => emit.Emit(line, 1);

                    [Reducer]
                    public static int Reduce(int left, int right) => left + right;
                }
            }
            """;
        const string After = """
            using MapReduceGen;

            namespace Fixes;

            public partial class Outer
            {
                internal static partial class Job
                {
                    [Mapper]
                    public static void Map(string line, Emitter<string, int> emit) => emit.Emit(line, 1);

                    [Reducer]
                    public static int Reduce(int left, int right) => left + right;
                }
            }
            """;

        string fixedSource = await ApplyAllFixesAsync(Before, new MakePartialCodeFix(), "MRG0003");

        Assert.Equal(After, fixedSource);
        TestCompiler.Run(fixedSource).AssertClean();
    }

    /// <summary>Applies the fix to each diagnostic of <paramref name="id"/>, one at a time, until none is left.</summary>
    private static async Task<string> ApplyAllFixesAsync(string source, CodeFixProvider fix, string id)
    {
        using var workspace = new AdhocWorkspace();
        Project project = workspace.AddProject("Fixes", LanguageNames.CSharp)
            .WithCompilationOptions(TestCompiler.Options)
            .WithParseOptions(TestCompiler.ParseOptions)
            .WithMetadataReferences(TestCompiler.Create().References);
        Document document = project.AddDocument("Job.cs", SourceText.From(source));

        for (int round = 0; round < 10; round++)
        {
            Compilation compilation = (await document.Project.GetCompilationAsync())!;
            ImmutableArray<Diagnostic> diagnostics = TestCompiler.Analyze(compilation).Diagnostics;
            Diagnostic? diagnostic = diagnostics.FirstOrDefault(d => d.Id == id);
            if (diagnostic is null)
            {
                return (await document.GetTextAsync()).ToString();
            }

            var actions = new List<CodeAction>();
            var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
            await fix.RegisterCodeFixesAsync(context);
            CodeAction action = Assert.Single(actions);
            ImmutableArray<CodeActionOperation> operations = await action.GetOperationsAsync(CancellationToken.None);
            Solution changed = Assert.Single(operations.OfType<ApplyChangesOperation>()).ChangedSolution;
            document = changed.GetDocument(document.Id)!;
        }

        throw new InvalidOperationException("The fix did not converge.");
    }
}
