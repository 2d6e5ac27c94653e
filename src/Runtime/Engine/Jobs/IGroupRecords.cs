using System.ComponentModel;

namespace MapReduceGen.Engine;

/// <summary>A reducer that sees the values of a key and writes zero or more records.</summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
/// <typeparam name="TRecord">The record type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IGroupRecords<TKey, TValue, TRecord>
{
    /// <summary>Reduces the values of one key into records.</summary>
    /// <param name="key">The key.</param>
    /// <param name="values">Its values.</param>
    /// <param name="output">Where the records go.</param>
    /// <param name="context">The run's parameters and this task's counters.</param>
    static abstract void Reduce(TKey key, ReadOnlySpan<TValue> values, RecordOutput<TRecord> output, TaskContext context);
}
