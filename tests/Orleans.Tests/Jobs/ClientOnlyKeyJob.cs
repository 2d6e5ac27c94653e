#pragma warning disable MRG0034 // The key type has no generated codec on purpose: it tests the cluster's serializer check.
namespace MapReduceGen.Orleans.Tests.Jobs;

/// <summary>A job keyed by <see cref="ClientOnlyKey"/>, registered on the silos.</summary>
public static partial class ClientOnlyKeyJob
{
    [Mapper]
    public static void Map(string input, Emitter<ClientOnlyKey, int> emit) => emit.Emit(new ClientOnlyKey(input), 1);

    [Reducer]
    public static int Reduce(int left, int right) => left + right;
}
