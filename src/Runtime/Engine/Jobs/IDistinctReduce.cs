using System.ComponentModel;

namespace MapReduceGen.Engine;

/// <summary>
/// A reducer of keys only (the distinct shape): called once per distinct key, it sees no value, and writes the key's
/// output (its result, or its records). Values are dropped as they are emitted.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TResult">The result type, or the record type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IDistinctReduce<TKey, TResult>
{
    /// <summary>Reduces one distinct key.</summary>
    /// <param name="key">The key.</param>
    /// <param name="output">Where the key's result or records go.</param>
    /// <param name="context">The run's parameters and this task's counters.</param>
    static abstract void Reduce(TKey key, KeyOutput<TResult> output, TaskContext context);
}
