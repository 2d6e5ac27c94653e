namespace MapReduceGen;

/// <summary>
/// The values of a grouping table, stored in one growing struct array as per-key chains: appending a value is a
/// store and an index update, with no list object per key.
/// </summary>
internal sealed class ValueNodes<TValue>
{
    private Node[] _nodes = new Node[16];
    private int _count;

    public int Count => _count;

    public void Append(ref ValueChain chain, TValue value)
    {
        if (_count == _nodes.Length)
        {
            Array.Resize(ref _nodes, checked(_nodes.Length * 2));
        }

        int index = _count++;
        ref Node node = ref _nodes[index];
        node.Value = value;
        node.Next = -1;
        if (chain.Count == 0)
        {
            chain.Head = index;
        }
        else
        {
            _nodes[chain.Tail].Next = index;
        }

        chain.Tail = index;
        chain.Count++;
    }

    /// <summary>Appends every value of <paramref name="source"/>'s chain to <paramref name="target"/>.</summary>
    public void AppendAll(ref ValueChain target, ValueNodes<TValue> sourceNodes, in ValueChain source)
    {
        for (int i = source.Count == 0 ? -1 : source.Head; i >= 0; i = sourceNodes._nodes[i].Next)
        {
            Append(ref target, sourceNodes._nodes[i].Value);
        }
    }

    /// <summary>Copies a chain's values, in emission order, to <paramref name="destination"/>.</summary>
    public void CopyTo(in ValueChain chain, Span<TValue> destination)
    {
        int written = 0;
        for (int i = chain.Count == 0 ? -1 : chain.Head; i >= 0; i = _nodes[i].Next)
        {
            destination[written++] = _nodes[i].Value;
        }
    }

    private struct Node
    {
        public TValue Value;
        public int Next;
    }
}
