using System.Diagnostics.CodeAnalysis;

namespace MapReduceGen.Engine.Results;

/// <summary>
/// A result built from entries another executor gathered (a cluster's partitions, in order), looked up with the key
/// type's default equality. Its partitions are consecutive runs of the entries; keys compare with the job's key order
/// when the executor knows it.
/// </summary>
internal sealed class DictionaryResultStore<TKey, TResult> : ResultStore<TKey, TResult>
    where TKey : notnull
{
    private readonly KeyValuePair<TKey, TResult>[] _entries;
    private readonly Dictionary<TKey, int> _index;
    private readonly int[] _partitionStarts;
    private readonly Comparison<TKey>? _keyOrder;

    public DictionaryResultStore(IEnumerable<KeyValuePair<TKey, TResult>> entries)
        : this(entries, null, null)
    {
    }

    /// <summary>Creates the store.</summary>
    /// <param name="entries">Each key once, with its result, partition after partition.</param>
    /// <param name="partitionLengths">How many entries each partition has, or <see langword="null"/> for one partition.</param>
    /// <param name="keyOrder">The job's key order, or <see langword="null"/> for the key type's default.</param>
    public DictionaryResultStore(IEnumerable<KeyValuePair<TKey, TResult>> entries, int[]? partitionLengths, Comparison<TKey>? keyOrder)
    {
        var list = new List<KeyValuePair<TKey, TResult>>();
        _index = [];
        foreach (KeyValuePair<TKey, TResult> pair in entries)
        {
            if (!_index.TryAdd(pair.Key, list.Count))
            {
                throw new ArgumentException($"The key '{pair.Key}' appears more than once.", nameof(entries));
            }

            list.Add(pair);
        }

        _entries = [.. list];
        _keyOrder = keyOrder;
        partitionLengths ??= [_entries.Length];
        _partitionStarts = new int[partitionLengths.Length + 1];
        for (int p = 0; p < partitionLengths.Length; p++)
        {
            _partitionStarts[p + 1] = _partitionStarts[p] + partitionLengths[p];
        }

        if (_partitionStarts[^1] != _entries.Length)
        {
            throw new ArgumentException("The partitions' lengths do not add up to the number of entries.", nameof(partitionLengths));
        }
    }

    public override int PartitionCount => _partitionStarts.Length - 1;

    public override long Count => _entries.Length;

    public override int PartitionLength(int partition) => _partitionStarts[partition + 1] - _partitionStarts[partition];

    public override TKey KeyAt(int partition, int index) => _entries[_partitionStarts[partition] + index].Key;

    public override TResult ResultAt(int partition, int index) => _entries[_partitionStarts[partition] + index].Value;

    public override int CompareKeys(int partition, int index, int otherPartition, int otherIndex) =>
        _keyOrder is { } order
            ? order(KeyAt(partition, index), KeyAt(otherPartition, otherIndex))
            : base.CompareKeys(partition, index, otherPartition, otherIndex);

    public override bool TryGetValue(TKey key, [MaybeNullWhen(false)] out TResult value)
    {
        if (key is not null && _index.TryGetValue(key, out int index))
        {
            value = _entries[index].Value;
            return true;
        }

        value = default!;
        return false;
    }
}
