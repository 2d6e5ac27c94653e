using System.ComponentModel;

namespace MapReduceGen.Engine;

/// <summary>A job whose reducer sees every value of a key at once.</summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type the mapper emits.</typeparam>
/// <typeparam name="TResult">The reducer's result type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IGroupReducer<TKey, TValue, TResult>
{
    /// <summary>Reduces all values of one key (calls the user's reducer).</summary>
    /// <param name="key">The key.</param>
    /// <param name="values">Every value emitted for the key: the values of each map task in emission order, map tasks in no particular order.</param>
    /// <returns>The key's result.</returns>
    static abstract TResult Reduce(TKey key, ReadOnlySpan<TValue> values);
}
