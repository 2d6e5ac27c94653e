using System.ComponentModel;

namespace MapReduceGen.Engine;

/// <summary>A finishing reducer that writes zero or more records from the one value the combiner made of a key's values.</summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value (combined) type.</typeparam>
/// <typeparam name="TRecord">The record type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IFinishRecords<TKey, TValue, TRecord>
{
    /// <summary>Finishes one key into records.</summary>
    /// <param name="key">The key.</param>
    /// <param name="combined">Every value of the key, combined.</param>
    /// <param name="output">Where the records go.</param>
    /// <param name="context">The run's parameters and this task's counters.</param>
    static abstract void Finish(TKey key, TValue combined, RecordOutput<TRecord> output, TaskContext context);
}
