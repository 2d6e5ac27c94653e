using System.Collections;
using MapReduceGen.Engine.Results;

namespace MapReduceGen;

/// <summary>
/// The result of a run: every key with its reduced result, plus <see cref="Top(int)"/> and the run's
/// <see cref="Statistics"/>. Enumeration order is unspecified (by partition); use <see cref="Top(int)"/> for order.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TResult">The reducer's result type.</typeparam>
[System.Diagnostics.CodeAnalysis.SuppressMessage(
    "Naming", "CA1710:Identifiers should have correct suffix", Justification = "The name is fixed by the public contract (API.md).")]
public sealed class MapReduceResult<TKey, TResult> : IReadOnlyDictionary<TKey, TResult>
{
    private readonly ResultStore<TKey, TResult> _store;

    internal MapReduceResult(ResultStore<TKey, TResult> store, MapReduceStatistics statistics)
    {
        _store = store;
        Statistics = statistics;
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
    public TResult this[TKey key] => TryGetValue(key, out TResult value)
        ? value
        : throw new KeyNotFoundException($"The key '{key}' is not in the result.");

    /// <summary>Whether some input produced <paramref name="key"/>.</summary>
    /// <param name="key">The key.</param>
    /// <returns><see langword="true"/> when the key is in the result.</returns>
    public bool ContainsKey(TKey key) => _store.TryGetValue(key, out _);

    /// <summary>Gets the result of <paramref name="key"/> if some input produced it.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The result, or the default when absent.</param>
    /// <returns><see langword="true"/> when the key is in the result.</returns>
    public bool TryGetValue(TKey key, out TResult value) => _store.TryGetValue(key, out value);

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

    /// <summary>The entries with their keys as UTF-8 (string keys only; see <see cref="MapReduceResultExtensions"/>).</summary>
    internal IEnumerable<Utf8ResultEntry<TResult>> EnumerateUtf8()
    {
        for (int partition = 0; partition < _store.PartitionCount; partition++)
        {
            int length = _store.PartitionLength(partition);
            for (int index = 0; index < length; index++)
            {
                yield return new Utf8ResultEntry<TResult>(_store.Utf8KeyAt(partition, index), _store.ResultAt(partition, index));
            }
        }
    }

    /// <summary>Enumerates the entries without allocating.</summary>
    /// <returns>The enumerator.</returns>
    public Enumerator GetEnumerator() => new(_store);

    IEnumerator<KeyValuePair<TKey, TResult>> IEnumerable<KeyValuePair<TKey, TResult>>.GetEnumerator() =>
        new BoxedEnumerator(_store);

    IEnumerator IEnumerable.GetEnumerator() => new BoxedEnumerator(_store);

    /// <summary>Enumerates a result's entries partition by partition.</summary>
    public struct Enumerator
    {
        private readonly ResultStore<TKey, TResult> _store;
        private int _partition;
        private int _index;

        internal Enumerator(ResultStore<TKey, TResult> store)
        {
            _store = store;
            _partition = 0;
            _index = -1;
        }

        /// <summary>The current entry.</summary>
        public readonly KeyValuePair<TKey, TResult> Current
        {
            get => new(_store.KeyAt(_partition, _index), _store.ResultAt(_partition, _index));
        }

        /// <summary>Moves to the next entry.</summary>
        /// <returns><see langword="false"/> at the end.</returns>
        public bool MoveNext()
        {
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

    private sealed class BoxedEnumerator(ResultStore<TKey, TResult> store) : IEnumerator<KeyValuePair<TKey, TResult>>
    {
        private Enumerator _inner = new(store);

        public KeyValuePair<TKey, TResult> Current => _inner.Current;

        object IEnumerator.Current => Current;

        public bool MoveNext() => _inner.MoveNext();

        public void Reset() => _inner = new Enumerator(store);

        public void Dispose()
        {
        }
    }
}
