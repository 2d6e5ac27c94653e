namespace MapReduceGen.Orleans.Tests.Jobs;

/// <summary>A record-keyed grouping job: every sale amount of a region and year, summarised.</summary>
public static partial class SalesByRegion
{
    [Mapper]
    public static void Map(Sale sale, Emitter<RegionYear, long> emit) =>
        emit.Emit(new RegionYear(sale.Region, sale.Year), sale.Amount);

    [Reducer]
    public static SalesSummary Reduce(RegionYear key, ReadOnlySpan<long> amounts)
    {
        if (key.Region == "Atlantis")
        {
            throw new InvalidOperationException("Atlantis does not exist.");
        }

        long total = 0;
        long largest = long.MinValue;
        foreach (long amount in amounts)
        {
            total += amount;
            largest = Math.Max(largest, amount);
        }

        return new SalesSummary(amounts.Length, total, largest);
    }
}
