#pragma warning disable MRG0034 // The key type has no generated codec on purpose: it tests the cluster's serializer check.
namespace MapReduceGen.Orleans.Tests.Jobs;

/// <summary>A job keyed by a type Orleans cannot serialize (registered on the silos all the same).</summary>
public static partial class PlainKeyJob
{
    [Mapper]
    public static void Map(string input, Emitter<PlainKey, int> emit) => emit.Emit(new PlainKey(input), 1);

    [Reducer]
    public static int Reduce(int left, int right) => left + right;
}
