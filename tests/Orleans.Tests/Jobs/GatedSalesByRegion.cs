namespace MapReduceGen.Orleans.Tests.Jobs;

/// <summary>
/// <see cref="SalesByRegion"/> whose reducer waits at <see cref="TestGates.Reduce"/>, so a test can kill the silo that
/// holds a partition while it reduces.
/// </summary>
public static partial class GatedSalesByRegion
{
    [Mapper]
    public static void Map(Sale sale, Emitter<RegionYear, long> emit) => SalesByRegion.Map(sale, emit);

    [Reducer]
    public static SalesSummary Reduce(RegionYear key, ReadOnlySpan<long> amounts)
    {
        TestGates.Reduce.Pass();
        return SalesByRegion.Reduce(key, amounts);
    }
}
