namespace MapReduceGen.Orleans.Tests.Jobs;

/// <summary>Counts "country/city" inputs by a plain record key.</summary>
public static partial class CityCount
{
    [Mapper]
    public static void Map(string input, Emitter<CityKey, int> emit)
    {
        int slash = input.IndexOf('/', StringComparison.Ordinal);
        emit.Emit(new CityKey(input[..slash], input[(slash + 1)..]), 1);
    }

    [Reducer]
    public static int Reduce(int left, int right) => left + right;
}
