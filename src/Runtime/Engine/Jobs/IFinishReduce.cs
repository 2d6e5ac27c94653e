using System.ComponentModel;

namespace MapReduceGen.Engine;

/// <summary>
/// A finishing reducer: sees the one value the job's combiner made of a key's values, and writes the key's output (its
/// result, or its records).
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value (combined) type.</typeparam>
/// <typeparam name="TResult">The result type, or the record type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IFinishReduce<TKey, TValue, TResult>
{
    /// <summary>Finishes one key.</summary>
    /// <param name="key">The key.</param>
    /// <param name="combined">Every value of the key, combined.</param>
    /// <param name="output">Where the key's result or records go.</param>
    /// <param name="context">The run's parameters and this task's counters.</param>
    static abstract void Finish(TKey key, TValue combined, KeyOutput<TResult> output, TaskContext context);
}
