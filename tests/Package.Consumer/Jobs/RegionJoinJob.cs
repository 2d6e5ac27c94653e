using MapReduceGen;

namespace Package.Consumer.Jobs;

/// <summary>
/// The job model under Native AOT: two inputs with their own mappers, a reducer that writes records (an inner join),
/// a secondary sort and an output order.
/// </summary>
internal static partial class RegionJoinJob
{
    [Mapper]
    public static void MapRegions(string regions, Emitter<string, (int Side, decimal Amount)> emit) => emit.Emit(regions, (0, 0m));

    [Mapper]
    public static void MapSales(Sale sales, Emitter<string, (int Side, decimal Amount)> emit) => emit.Emit(sales.Region, (1, sales.Amount));

    [ValueComparer]
    public static int RegionFirst((int Side, decimal Amount) left, (int Side, decimal Amount) right) => left.Side.CompareTo(right.Side);

    [OutputComparer]
    public static int LargestFirst((string Region, decimal Total) left, (string Region, decimal Total) right) => right.Total.CompareTo(left.Total);

    [Reducer(SortByKey = true)]
    public static void Reduce(string region, ReadOnlySpan<(int Side, decimal Amount)> values, RecordOutput<(string Region, decimal Total)> output)
    {
        if (values[0].Side != 0)
        {
            return; // sales of a region that is not listed
        }

        decimal total = 0;
        foreach (var value in values)
        {
            total += value.Amount;
        }

        output.Add((region, total));
    }
}
