using System.Collections.Immutable;
using MapReduceGen.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MapReduceGen.Generator.Tests.Infrastructure;

/// <summary>
/// Builds in-memory compilations of user code against the .NET 10 reference assemblies and the real MapReduceGen
/// runtime, runs the generator and the analyzer over them, and reports everything they produced.
/// </summary>
internal static class TestCompiler
{
    public static readonly CSharpParseOptions ParseOptions = new CSharpParseOptions(
        LanguageVersion.Preview, DocumentationMode.Diagnose);

    /// <summary>
    /// As <see cref="ParseOptions"/>, with the generator's namespace allowed to intercept (as the package sets it). The
    /// SDK's compiler reads the feature as InterceptorsNamespaces; the Roslyn these tests run in process, by its older
    /// name, InterceptorsPreviewNamespaces.
    /// </summary>
    public static readonly CSharpParseOptions InterceptingParseOptions = ParseOptions.WithFeatures(
    [
        new KeyValuePair<string, string>("InterceptorsNamespaces", "MapReduceGen.Generated"),
        new KeyValuePair<string, string>("InterceptorsPreviewNamespaces", "MapReduceGen.Generated"),
    ]);

    private static readonly ImmutableArray<MetadataReference> References =
    [
        .. Basic.Reference.Assemblies.Net100.References.All,
        MetadataReference.CreateFromFile(typeof(MapperAttribute).Assembly.Location),
    ];

    /// <summary>Strict options: nullable on, every warning level, documentation diagnosed.</summary>
    public static readonly CSharpCompilationOptions Options = new CSharpCompilationOptions(
        OutputKind.DynamicallyLinkedLibrary,
        nullableContextOptions: NullableContextOptions.Enable,
        warningLevel: 9999,
        concurrentBuild: false);

    public static CSharpCompilation Create(params string[] sources) => Create(sources, withRuntime: true);

    public static CSharpCompilation Create(
        IEnumerable<string> sources, bool withRuntime, string assemblyName = "UserProject", CSharpParseOptions? parseOptions = null)
    {
        var trees = sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, parseOptions ?? ParseOptions, path: $"File{i}.cs")).ToArray();
        IEnumerable<MetadataReference> references = withRuntime ? References : Basic.Reference.Assemblies.Net100.References.All;
        return CSharpCompilation.Create(assemblyName, trees, references, Options);
    }

    public static GeneratorDriver CreateDriver(CSharpParseOptions? parseOptions = null) =>
        CSharpGeneratorDriver.Create(
            [new MapReduceGenerator().AsSourceGenerator()],
            parseOptions: parseOptions ?? ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator over <paramref name="compilation"/>, then the analyzer over the result.</summary>
    public static GeneratorRun Run(Compilation compilation, CSharpParseOptions? parseOptions = null)
    {
        GeneratorDriver driver = CreateDriver(parseOptions).RunGeneratorsAndUpdateCompilation(
            compilation, out Compilation output, out ImmutableArray<Diagnostic> generatorDiagnostics);
        GeneratorDriverRunResult result = driver.GetRunResult();
        (ImmutableArray<Diagnostic> analyzerDiagnostics, IReadOnlyList<Exception> analyzerExceptions) = Analyze(output);
        return new GeneratorRun(
            output,
            result.GeneratedTrees,
            generatorDiagnostics.AddRange(result.Diagnostics),
            result.Results.Select(r => r.Exception).OfType<Exception>().ToList(),
            analyzerDiagnostics,
            analyzerExceptions);
    }

    public static GeneratorRun Run(params string[] sources) => Run(Create(sources));

    /// <summary>Runs the generator with interceptors allowed, as in a project that uses the package.</summary>
    public static GeneratorRun RunIntercepting(params string[] sources) =>
        Run(Create(sources, withRuntime: true, parseOptions: InterceptingParseOptions), InterceptingParseOptions);

    public static (ImmutableArray<Diagnostic> Diagnostics, IReadOnlyList<Exception> Exceptions) Analyze(Compilation compilation)
    {
        var exceptions = new List<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([]),
            onAnalyzerException: (exception, _, _) =>
            {
                lock (exceptions)
                {
                    exceptions.Add(exception);
                }
            },
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        var withAnalyzers = compilation.WithAnalyzers([new JobAnalyzer()], options);
        ImmutableArray<Diagnostic> diagnostics = withAnalyzers.GetAllDiagnosticsAsync().GetAwaiter().GetResult();
        return (diagnostics.Where(d => d.Id.StartsWith("MRG", StringComparison.Ordinal) || d.Id == "AD0001").ToImmutableArray(), exceptions);
    }
}
