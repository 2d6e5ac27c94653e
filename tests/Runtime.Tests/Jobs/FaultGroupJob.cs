#pragma warning disable MRG0034 // Probe carries a delegate (the test's hook): the job cannot spill, which these tests never need.
namespace MapReduceGen.Runtime.Tests.Jobs;

/// <summary>A grouping job whose mapper and reducer run the hooks of their inputs and values.</summary>
internal static partial class FaultGroupJob
{
    [Mapper]
    public static IEnumerable<(int, Probe)> Map(FaultInput input)
    {
        input.OnMap?.Invoke();
        yield return (input.Key, new Probe(input.Amount, input.OnReduce));
    }

    [Reducer]
    public static long Reduce(int key, ReadOnlySpan<Probe> values)
    {
        long sum = 0;
        foreach (Probe value in values)
        {
            value.OnReduce?.Invoke();
            sum += value.Amount;
        }

        return sum;
    }
}
