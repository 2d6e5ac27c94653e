using System.ComponentModel;

namespace MapReduceGen.Engine;

/// <summary>A reducer that sees the values of a key (every value, or one combined value per map task) and returns its result.</summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
/// <typeparam name="TResult">The result type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IGroupReduce<TKey, TValue, TResult>
{
    /// <summary>Reduces the values of one key.</summary>
    /// <param name="key">The key.</param>
    /// <param name="values">Its values.</param>
    /// <param name="context">The run's parameters and this task's counters.</param>
    /// <returns>The key's result.</returns>
    static abstract TResult Reduce(TKey key, ReadOnlySpan<TValue> values, TaskContext context);
}
