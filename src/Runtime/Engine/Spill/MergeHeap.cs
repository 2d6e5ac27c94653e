using MapReduceGen.Engine.Tables;

namespace MapReduceGen.Engine.Spill;

/// <summary>
/// The sources of a k-way merge that have a current row, as a binary heap on that row in the merge order (ties by source
/// index, so one key's rows come in source order). The top source is read, then moved on and sifted down in place
/// (<see cref="Advance"/>): one sift per row, no queue operations and no comparer delegate.
/// </summary>
internal sealed class MergeHeap<TKey, TStored, TSlot, TValue>
{
    private readonly IReadOnlyList<MergeSource<TStored, TSlot, TValue>> _sources;
    private readonly MergeOrder<TKey, TStored> _order;
    private readonly int[] _heap;
    private int _count;

    /// <summary>Starts every source and keeps those that have a row.</summary>
    public MergeHeap(IReadOnlyList<MergeSource<TStored, TSlot, TValue>> sources, MergeOrder<TKey, TStored> order)
    {
        _sources = sources;
        _order = order;
        _heap = new int[sources.Count];
        for (int s = 0; s < sources.Count; s++)
        {
            if (sources[s].MoveNext())
            {
                _heap[_count] = s;
                SiftUp(_count++);
            }
        }
    }

    public bool IsEmpty => _count == 0;

    /// <summary>The source whose current row comes first.</summary>
    public MergeSource<TStored, TSlot, TValue> Top => _sources[_heap[0]];

    /// <summary>Whether the top source's current row is equal to <paramref name="row"/> in the merge order.</summary>
    public bool TopEquals(in Entry<TStored, TSlot> row)
    {
        ref Entry<TStored, TSlot> top = ref _sources[_heap[0]].Current;
        return _order.Compare(top.Key, top.Hash, row.Key, row.Hash) == 0;
    }

    /// <summary>Moves the top source to its next row (dropping it when it has none) and restores the heap.</summary>
    public void Advance()
    {
        if (!_sources[_heap[0]].MoveNext())
        {
            _heap[0] = _heap[--_count];
        }

        if (_count > 1)
        {
            SiftDown(0);
        }
    }

    private bool Before(int a, int b)
    {
        ref Entry<TStored, TSlot> left = ref _sources[a].Current;
        ref Entry<TStored, TSlot> right = ref _sources[b].Current;
        int byOrder = _order.Compare(left.Key, left.Hash, right.Key, right.Hash);
        return byOrder != 0 ? byOrder < 0 : a < b;
    }

    private void SiftUp(int at)
    {
        while (at > 0)
        {
            int parent = (at - 1) / 2;
            if (!Before(_heap[at], _heap[parent]))
            {
                return;
            }

            (_heap[at], _heap[parent]) = (_heap[parent], _heap[at]);
            at = parent;
        }
    }

    private void SiftDown(int at)
    {
        while (true)
        {
            int left = (2 * at) + 1;
            if (left >= _count)
            {
                return;
            }

            int first = left + 1 < _count && Before(_heap[left + 1], _heap[left]) ? left + 1 : left;
            if (!Before(_heap[first], _heap[at]))
            {
                return;
            }

            (_heap[at], _heap[first]) = (_heap[first], _heap[at]);
            at = first;
        }
    }
}
