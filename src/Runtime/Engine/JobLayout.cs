using System.ComponentModel;

namespace MapReduceGen.Engine;

/// <summary>
/// How a job's keys are partitioned and its output ordered, as the generator reads it from the job's attributes
/// (<c>[Reducer(SortByKey = true)]</c>, <c>[KeyComparer]</c>, <c>[ValueComparer]</c>, <c>[OutputComparer]</c>,
/// <c>[Partitioner]</c>). The key order itself is the job struct's <see cref="IKeyEquality{TKey}.CompareKeys"/>.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
/// <typeparam name="TOutput">The type of the job's output items (results, or records).</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class JobLayout<TKey, TValue, TOutput>
{
    /// <summary>Whether the output is sorted by key (partitions are then key ranges: a total order).</summary>
    public bool SortByKey { get; init; }

    /// <summary>Whether the key order is the job's own <c>[KeyComparer]</c> (otherwise the key type's order).</summary>
    public bool HasKeyComparer { get; init; }

    /// <summary>The job's <c>[Partitioner]</c>, or <see langword="null"/> for the stable hash.</summary>
    public Func<TKey, int, int>? Partitioner { get; init; }

    /// <summary>The job's <c>[ValueComparer]</c> (secondary sort), or <see langword="null"/>.</summary>
    public Comparison<TValue>? ValueComparer { get; init; }

    /// <summary>The job's <c>[OutputComparer]</c>, or <see langword="null"/>.</summary>
    public Comparison<TOutput>? OutputComparer { get; init; }
}
