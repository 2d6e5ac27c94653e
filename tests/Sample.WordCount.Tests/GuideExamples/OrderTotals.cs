using MapReduceGen;

// docs/guide.md, "Several inputs": a reduce-side join of two inputs.

namespace Sample.WordCount.Tests.GuideExamples;

public sealed record Customer(int Id, string Name);
public sealed record Order(int CustomerId, decimal Amount);
public readonly record struct Side(string? Name, decimal Amount);

public static partial class OrderTotals
{
    [Mapper]
    public static void MapCustomers(Customer customers, Emitter<int, Side> emit) =>
        emit.Emit(customers.Id, new Side(customers.Name, 0));

    [Mapper]
    public static void MapOrders(Order orders, Emitter<int, Side> emit) =>
        emit.Emit(orders.CustomerId, new Side(null, orders.Amount));

    [Reducer]
    public static void Reduce(int id, ReadOnlySpan<Side> sides, RecordOutput<(string Name, decimal Total)> output)
    {
        string? name = null;
        decimal total = 0;
        foreach (var side in sides)
        {
            name ??= side.Name;
            total += side.Amount;
        }

        if (name is not null)
        {
            output.Add((name, total));   // an inner join: customers without a name entry are dropped
        }
    }
}
