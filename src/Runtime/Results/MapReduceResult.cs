using System.Collections;
using System.Diagnostics.CodeAnalysis;
using MapReduceGen.Engine.Results;

namespace MapReduceGen;

/// <summary>
/// The result of a run: every key with its reduced result, plus <see cref="Top(int)"/> and the run's
/// <see cref="Statistics"/>. Enumeration goes partition by partition: in key order when the job sorts by key
/// (<see cref="ReducerAttribute.SortByKey"/>, a <c>[KeyComparer]</c>), in the job's <c>[OutputComparer]</c> order when it has
/// one, otherwise in an unspecified order (use <see cref="Top(int)"/>). A result is also a read-only list of its entries in
/// that order (<see cref="IReadOnlyList{T}"/>, implemented explicitly: <c>result[key]</c> stays the lookup by key), so a
/// job given a result as its input reads it by index, each worker its own ranges, with no lock: jobs chain.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TResult">The reducer's result type.</typeparam>
[System.Diagnostics.CodeAnalysis.SuppressMessage(
    "Naming", "CA1710:Identifiers should have correct suffix", Justification = "The name is fixed by the public contract (API.md).")]
public sealed class MapReduceResult<TKey, TResult> : IReadOnlyDictionary<TKey, TResult>, IReadOnlyList<KeyValuePair<TKey, TResult>>
{
    private readonly ResultStore<TKey, TResult> _store;
    private readonly (int Partition, int Index)[]? _order;

    // Where each partition's entries start in the list order (made on the first access by index; two threads that
    // make it at once make the same array).
    private int[]? _partitionStarts;

    internal MapReduceResult(ResultStore<TKey, TResult> store, MapReduceStatistics statistics, (int Partition, int Index)[]? order = null)
    {
        _store = store;
        Statistics = statistics;
        _order = order;
    }

    /// <summary>What the run did and how long each phase took.</summary>
    public MapReduceStatistics Statistics { get; }

    /// <summary>The number of distinct keys.</summary>
    public int Count => checked((int)_store.Count);

    /// <summary>The keys, in enumeration order.</summary>
    public IEnumerable<TKey> Keys
    {
        get
        {
            foreach (KeyValuePair<TKey, TResult> pair in this)
            {
                yield return pair.Key;
            }
        }
    }

    /// <summary>The results, in enumeration order.</summary>
    public IEnumerable<TResult> Values
    {
        get
        {
            foreach (KeyValuePair<TKey, TResult> pair in this)
            {
                yield return pair.Value;
            }
        }
    }

    /// <summary>The result of <paramref name="key"/>.</summary>
    /// <param name="key">The key.</param>
    /// <exception cref="KeyNotFoundException">No input produced the key.</exception>
    public TResult this[TKey key] => TryGetValue(key, out TResult? value)
        ? value
        : throw new KeyNotFoundException($"The key '{key}' is not in the result.");

    /// <summary>The entry at <paramref name="index"/> in enumeration order (see the class's summary).</summary>
    /// <param name="index">The position, in <c>[0, Count)</c>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is out of range.</exception>
    KeyValuePair<TKey, TResult> IReadOnlyList<KeyValuePair<TKey, TResult>>.this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            (int partition, int position) = _order is { } order ? order[index] : Locate(index);
            return new(_store.KeyAt(partition, position), _store.ResultAt(partition, position));
        }
    }

    /// <summary>Whether some input produced <paramref name="key"/>.</summary>
    /// <param name="key">The key.</param>
    /// <returns><see langword="true"/> when the key is in the result.</returns>
    public bool ContainsKey(TKey key) => _store.TryGetValue(key, out _);

    /// <summary>Gets the result of <paramref name="key"/> if some input produced it.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The result, or the default when absent.</param>
    /// <returns><see langword="true"/> when the key is in the result.</returns>
    public bool TryGetValue(TKey key, [MaybeNullWhen(false)] out TResult value) => _store.TryGetValue(key, out value);

    /// <summary>
    /// The <paramref name="count"/> entries with the largest results, largest first; ties by key ascending (ordinal
    /// for strings). Uses a bounded heap, so it costs O(n log count), never a sort of the whole result.
    /// </summary>
    /// <param name="count">How many entries (all of them when larger than <see cref="Count"/>).</param>
    /// <returns>The entries in order.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    /// <exception cref="InvalidOperationException">The result type cannot be ordered.</exception>
    public IReadOnlyList<KeyValuePair<TKey, TResult>> Top(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return TopSelector.Select(_store, count);
    }

    /// <summary>
    /// The <paramref name="count"/> entries with the largest results in <paramref name="comparer"/>'s order, largest
    /// first; ties by key ascending (the job's key order). For results that cannot be ordered by themselves.
    /// </summary>
    /// <param name="count">How many entries (all of them when larger than <see cref="Count"/>).</param>
    /// <param name="comparer">Orders the results.</param>
    /// <returns>The entries in order.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public IReadOnlyList<KeyValuePair<TKey, TResult>> Top(int count, IComparer<TResult> comparer)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentNullException.ThrowIfNull(comparer);
        return TopSelector.Select(_store, count, static (store, p, i) => store.ResultAt(p, i), comparer);
    }

    /// <summary>
    /// The <paramref name="count"/> entries whose <paramref name="selector"/> value is largest, largest first; ties by key
    /// ascending (the job's key order). <c>result.Top(10, e =&gt; e.Value.Count)</c> picks by a member of the result,
    /// <c>result.Top(10, e =&gt; e.Key.Length)</c> by the key.
    /// </summary>
    /// <typeparam name="TOrder">What the selector makes of an entry; must be comparable.</typeparam>
    /// <param name="count">How many entries (all of them when larger than <see cref="Count"/>).</param>
    /// <param name="selector">Makes the value an entry is ranked by.</param>
    /// <returns>The entries in order.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public IReadOnlyList<KeyValuePair<TKey, TResult>> Top<TOrder>(int count, Func<KeyValuePair<TKey, TResult>, TOrder> selector)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentNullException.ThrowIfNull(selector);
        return TopSelector.Select(
            _store, count, (store, p, i) => selector(new KeyValuePair<TKey, TResult>(store.KeyAt(p, i), store.ResultAt(p, i))),
            Comparer<TOrder>.Default);
    }

    /// <summary>
    /// The number of partitions the keys were split into. With a total order (sorted by key) every key of partition
    /// <c>i</c> precedes every key of partition <c>i + 1</c>; with a <c>[Partitioner]</c>, partition <c>i</c> holds the keys it
    /// chose <c>i</c> for.
    /// </summary>
    public int PartitionCount => _store.PartitionCount;

    /// <summary>The entries of one partition, in the partition's output order (sorted when the job sorts).</summary>
    /// <param name="partition">The partition, in <c>[0, PartitionCount)</c>.</param>
    /// <returns>The partition's entries.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="partition"/> is out of range.</exception>
    public IReadOnlyList<KeyValuePair<TKey, TResult>> Partition(int partition)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(partition);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(partition, _store.PartitionCount);
        var entries = new KeyValuePair<TKey, TResult>[_store.PartitionLength(partition)];
        for (int i = 0; i < entries.Length; i++)
        {
            entries[i] = new(_store.KeyAt(partition, i), _store.ResultAt(partition, i));
        }

        return entries;
    }

    /// <summary>
    /// The entries with their keys as UTF-8 (string keys only; see <see cref="MapReduceResultExtensions"/>), in the
    /// enumeration order (the job's output order when it has one, else partition by partition).
    /// </summary>
    internal IEnumerable<Utf8ResultEntry<TResult>> EnumerateUtf8()
    {
        if (_order is { } order)
        {
            foreach ((int partition, int index) in order)
            {
                yield return new Utf8ResultEntry<TResult>(_store.Utf8KeyAt(partition, index), _store.ResultAt(partition, index));
            }

            yield break;
        }

        for (int partition = 0; partition < _store.PartitionCount; partition++)
        {
            int length = _store.PartitionLength(partition);
            for (int index = 0; index < length; index++)
            {
                yield return new Utf8ResultEntry<TResult>(_store.Utf8KeyAt(partition, index), _store.ResultAt(partition, index));
            }
        }
    }

    // The partition holding entry `index` of the partition-by-partition order, and the entry's position in it: the last
    // partition that starts at or before it (empty partitions start where the next one does).
    private (int Partition, int Index) Locate(int index)
    {
        int[] starts = _partitionStarts ??= PartitionStarts();
        int low = 0, high = starts.Length - 1;
        while (low < high)
        {
            int middle = low + ((high - low + 1) / 2);
            if (starts[middle] <= index)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        return (low, index - starts[low]);
    }

    private int[] PartitionStarts()
    {
        var starts = new int[_store.PartitionCount];
        for (int partition = 1; partition < starts.Length; partition++)
        {
            starts[partition] = starts[partition - 1] + _store.PartitionLength(partition - 1);
        }

        return starts;
    }

    /// <summary>Enumerates the entries without allocating.</summary>
    /// <returns>The enumerator.</returns>
    public Enumerator GetEnumerator() => new(_store, _order);

    IEnumerator<KeyValuePair<TKey, TResult>> IEnumerable<KeyValuePair<TKey, TResult>>.GetEnumerator() =>
        new BoxedEnumerator(_store, _order);

    IEnumerator IEnumerable.GetEnumerator() => new BoxedEnumerator(_store, _order);

    /// <summary>Enumerates a result's entries partition by partition (or in the job's output order).</summary>
    public struct Enumerator
    {
        private readonly ResultStore<TKey, TResult> _store;
        private readonly (int Partition, int Index)[]? _order;
        private int _partition;
        private int _index;

        internal Enumerator(ResultStore<TKey, TResult> store, (int Partition, int Index)[]? order)
        {
            _store = store;
            _order = order;
            _partition = 0;
            _index = -1;
        }

        /// <summary>The current entry.</summary>
        public readonly KeyValuePair<TKey, TResult> Current
        {
            get
            {
                (int partition, int index) = _order is { } order ? order[_index] : (_partition, _index);
                return new(_store.KeyAt(partition, index), _store.ResultAt(partition, index));
            }
        }

        /// <summary>Moves to the next entry.</summary>
        /// <returns><see langword="false"/> at the end.</returns>
        public bool MoveNext()
        {
            if (_order is { } order)
            {
                return ++_index < order.Length;
            }

            while (_partition < _store.PartitionCount)
            {
                if (++_index < _store.PartitionLength(_partition))
                {
                    return true;
                }

                _partition++;
                _index = -1;
            }

            return false;
        }
    }

    private sealed class BoxedEnumerator(ResultStore<TKey, TResult> store, (int Partition, int Index)[]? order) : IEnumerator<KeyValuePair<TKey, TResult>>
    {
        private Enumerator _inner = new(store, order);

        public KeyValuePair<TKey, TResult> Current => _inner.Current;

        object IEnumerator.Current => Current;

        public bool MoveNext() => _inner.MoveNext();

        public void Reset() => _inner = new Enumerator(store, order);

        public void Dispose()
        {
        }
    }
}
