namespace MapReduceGen.Examples;

/// <summary>
/// Hadoop's <c>Join</c> (a reduce-side inner join): customers and orders are two inputs with a mapper each, both keyed by
/// customer id. The <c>[ValueComparer]</c> puts the customer first, then the orders by id; the reducer writes one record
/// per order of a known customer, and nothing for a customer without orders or an order without a customer.
/// </summary>
public static partial class Join
{
    [Mapper]
    public static void MapCustomers(Customer customers, Emitter<int, JoinSide> emit) =>
        emit.Emit(customers.Id, new JoinSide(customers.Name, 0, 0m));

    [Mapper]
    public static void MapOrders(Order orders, Emitter<int, JoinSide> emit) =>
        emit.Emit(orders.CustomerId, new JoinSide(null, orders.Id, orders.Amount));

    [ValueComparer]
    public static int CustomerFirstThenOrders(JoinSide left, JoinSide right) =>
        left.Name is not null ? (right.Name is not null ? 0 : -1) : right.Name is not null ? 1 : left.OrderId.CompareTo(right.OrderId);

    [Reducer(SortByKey = true)]
    public static void Reduce(int customerId, ReadOnlySpan<JoinSide> sides, RecordOutput<JoinedOrder> output, Counters counters)
    {
        if (sides[0].Name is not { } name)
        {
            counters.Increment("orders without a customer", sides.Length);
            return;
        }

        foreach (JoinSide side in sides[1..])
        {
            output.Add(new JoinedOrder(customerId, name, side.OrderId, side.Amount));
        }
    }
}
