#pragma warning disable MRG0034 // Probe carries a delegate (the test's hook): the job cannot spill, which these tests never need.
namespace MapReduceGen.Runtime.Tests.Jobs;

/// <summary>A fold job whose mapper and reducer run the hooks of their inputs and values.</summary>
internal static partial class FaultFoldJob
{
    [Mapper]
    public static void Map(FaultInput input, Emitter<int, Probe> emit)
    {
        input.OnMap?.Invoke();
        emit.Emit(input.Key, new Probe(input.Amount, input.OnReduce));
    }

    [Reducer]
    public static Probe Reduce(Probe left, Probe right)
    {
        left.OnReduce?.Invoke();
        right.OnReduce?.Invoke();
        return new Probe(left.Amount + right.Amount, null);
    }
}
