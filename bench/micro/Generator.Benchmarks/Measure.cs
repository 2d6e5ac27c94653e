namespace MapReduceGen.Generator.Benchmarks;

/// <summary>
/// The bytes one incremental run allocates, without BenchmarkDotNet's iterations (a quick check while working on the
/// generator): <c>dotnet run -c Release --project bench/micro/Generator.Benchmarks -- --allocations</c>. The figures in
/// docs/performance.md come from the benchmark itself.
/// </summary>
public static class Measure
{
    public static void Run()
    {
        foreach ((SyntheticShapes shapes, bool interceptors) in new[]
        {
            (SyntheticShapes.Full, false), (SyntheticShapes.Full, true), (SyntheticShapes.Original, false),
        })
        {
            var benchmark = new GeneratorBenchmarks { Interceptors = interceptors, Shapes = shapes };
            benchmark.Setup();
            for (int i = 0; i < 5; i++)
            {
                benchmark.IncrementalRunAfterUnrelatedEdit();
            }

            const int Runs = 20;
            long before = GC.GetTotalAllocatedBytes(precise: true);
            for (int i = 0; i < Runs; i++)
            {
                benchmark.IncrementalRunAfterUnrelatedEdit();
            }

            long after = GC.GetTotalAllocatedBytes(precise: true);
            Console.WriteLine($"{shapes} shapes, interceptors {(interceptors ? "on" : "off")}: {(after - before) / (double)Runs / 1024 / 1024:F2} MB per incremental run");
        }
    }
}
