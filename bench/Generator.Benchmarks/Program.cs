using BenchmarkDotNet.Running;

namespace MapReduceGen.Generator.Benchmarks;

/// <summary>
/// Runs the generator benchmarks: <c>dotnet run -c Release --project bench/Generator.Benchmarks</c>; with
/// <c>--allocations</c>, only the bytes of an incremental run (<see cref="Measure"/>).
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        if (args is ["--allocations"])
        {
            Measure.Run();
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args.Length == 0 ? ["--filter", "*"] : args);
    }
}
