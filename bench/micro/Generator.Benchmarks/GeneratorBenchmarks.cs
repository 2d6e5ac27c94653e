using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MapReduceGen.Generator.Benchmarks;

/// <summary>
/// The generator itself on a project of 200 jobs in 200 files: a full run (a new driver over a fresh compilation, as
/// a command-line build does) and an incremental run after an unrelated edit (a method body in another file, as the
/// IDE does on every keystroke); with interceptors allowed (as the package allows them) and not.
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    /// <summary>Whether the project allows the generator's interceptors (then each job's Emit calls are read too).</summary>
    [Params(false, true)]
    public bool Interceptors { get; set; }

    /// <summary>
    /// The project's jobs: every shape of the job model, or the 0.1.0 shapes only (the project of the generator's first
    /// figures, for a like-for-like comparison).
    /// </summary>
    [Params(SyntheticShapes.Full)]
    public SyntheticShapes Shapes { get; set; } = SyntheticShapes.Full;

    private CSharpParseOptions Options => Interceptors ? SyntheticProject.InterceptingParseOptions : SyntheticProject.ParseOptions;

    private CSharpCompilation _compilation = null!;
    private GeneratorDriver _warmDriver = null!;
    private SyntaxTree _unrelated = null!;
    private SyntaxTree _unrelatedEdited = null!;

    [GlobalSetup]
    public void Setup()
    {
        _compilation = SyntheticProject.Create(Options, Shapes);
        _unrelated = _compilation.SyntaxTrees.Single(t => t.FilePath == SyntheticProject.UnrelatedPath);
        _unrelatedEdited = SyntheticProject.UnrelatedTree(1, Options);
        _warmDriver = CreateDriver().RunGenerators(_compilation);

        // Every job's file, and with interceptors the interceptors of each job whose mapper calls Emit (every other one).
        GeneratorDriverRunResult result = _warmDriver.GetRunResult();
        int expected = SyntheticProject.JobCount + (Interceptors ? SyntheticProject.JobCount / 2 : 0);
        if (result.GeneratedTrees.Length != expected || result.Diagnostics.Length != 0)
        {
            throw new InvalidOperationException(
                $"The synthetic project generated {result.GeneratedTrees.Length} files with {result.Diagnostics.Length} diagnostics; expected {expected} and none.");
        }
    }

    /// <summary>Every job parsed and emitted from scratch.</summary>
    [Benchmark(Baseline = true)]
    public GeneratorDriver FullRun() => CreateDriver().RunGenerators(_compilation.Clone());

    /// <summary>After an unrelated edit: every job re-read, none re-emitted.</summary>
    [Benchmark]
    public GeneratorDriver IncrementalRunAfterUnrelatedEdit() =>
        _warmDriver.RunGenerators(_compilation.ReplaceSyntaxTree(_unrelated, _unrelatedEdited));

    private CSharpGeneratorDriver CreateDriver() =>
        CSharpGeneratorDriver.Create(
            [new MapReduceGenerator().AsSourceGenerator()],
            parseOptions: Options,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false));
}
