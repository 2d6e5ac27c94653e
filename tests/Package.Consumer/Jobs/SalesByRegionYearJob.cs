using MapReduceGen;

namespace Package.Consumer.Jobs;

/// <summary>
/// Record-struct key grouping with the span reducer: sees every sale amount of a (region, year) and summarises it.
/// </summary>
internal static partial class SalesByRegionYearJob
{
    [Mapper]
    public static void Map(Sale sale, Emitter<RegionYear, decimal> emit) =>
        emit.Emit(new RegionYear(sale.Region, sale.Date.Year), sale.Amount);

    [Reducer]
    public static SalesSummary Reduce(RegionYear key, ReadOnlySpan<decimal> amounts)
    {
        decimal total = 0;
        decimal largest = decimal.MinValue;
        foreach (decimal amount in amounts)
        {
            total += amount;
            largest = Math.Max(largest, amount);
        }

        return new SalesSummary(amounts.Length, total, largest);
    }
}
