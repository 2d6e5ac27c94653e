namespace MapReduceGen;

/// <summary>The values of one key in a grouping table: a chain of nodes in that table's <see cref="ValueNodes{TValue}"/>.</summary>
internal struct ValueChain
{
    public int Head;
    public int Tail;
    public int Count;
}
