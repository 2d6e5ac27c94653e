using System.ComponentModel;

namespace MapReduceGen.Engine;

/// <summary>
/// A grouping reducer: sees the values of a key (every value, or one combined value per map task) and writes the key's
/// output (its result, or its records).
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
/// <typeparam name="TResult">The result type, or the record type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IGroupReduce<TKey, TValue, TResult>
{
    /// <summary>
    /// Whether the reducer takes its values as an <see cref="IReadOnlyList{T}"/>: the engine then calls
    /// <see cref="ReduceList"/> with a view of the partition's own values (no copy) where they stay put for the rest of the
    /// run, and <see cref="Reduce"/> where they are in a buffer it reuses (a merge of spilled runs).
    /// </summary>
    static virtual bool TakesList => false;

    /// <summary>Whether the values of a key are sorted by <see cref="CompareValues"/> before the reducer sees them (a secondary sort).</summary>
    static virtual bool SortsValues => false;

    /// <summary>Reduces the values of one key.</summary>
    /// <param name="key">The key.</param>
    /// <param name="values">Its values.</param>
    /// <param name="output">Where the key's result or records go.</param>
    /// <param name="context">The run's parameters and this task's counters.</param>
    static abstract void Reduce(TKey key, ReadOnlySpan<TValue> values, KeyOutput<TResult> output, TaskContext context);

    /// <summary>
    /// Reduces the values of one key given as a list the reducer may keep (it is not reused); called only when
    /// <see cref="TakesList"/>.
    /// </summary>
    /// <param name="key">The key.</param>
    /// <param name="values">Its values.</param>
    /// <param name="output">Where the key's result or records go.</param>
    /// <param name="context">The run's parameters and this task's counters.</param>
    static virtual void ReduceList(TKey key, IReadOnlyList<TValue> values, KeyOutput<TResult> output, TaskContext context) =>
        throw new NotSupportedException("The job's reducer takes its values as a span.");

    /// <summary>The order of a key's values (the job's <c>[ValueComparer]</c>); used only when <see cref="SortsValues"/>.</summary>
    /// <param name="left">A value.</param>
    /// <param name="right">Another value.</param>
    /// <returns>Negative when <paramref name="left"/> comes first, zero for ties, positive otherwise.</returns>
    static virtual int CompareValues(TValue left, TValue right) => 0;
}
