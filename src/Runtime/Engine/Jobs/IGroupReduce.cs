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
    /// <summary>Reduces the values of one key.</summary>
    /// <param name="key">The key.</param>
    /// <param name="values">Its values.</param>
    /// <param name="output">Where the key's result or records go.</param>
    /// <param name="context">The run's parameters and this task's counters.</param>
    static abstract void Reduce(TKey key, ReadOnlySpan<TValue> values, KeyOutput<TResult> output, TaskContext context);
}
