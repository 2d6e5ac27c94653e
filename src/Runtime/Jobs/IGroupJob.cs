namespace MapReduceGen;

/// <summary>
/// A job whose reducer sees every value of a key, <c>TResult R(TKey key, ReadOnlySpan&lt;TValue&gt; values)</c> or
/// <c>TResult R(TKey key, IReadOnlyList&lt;TValue&gt; values)</c>.
/// </summary>
/// <typeparam name="TInput">The mapper's input type.</typeparam>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type the mapper emits.</typeparam>
/// <typeparam name="TResult">The reducer's result type.</typeparam>
public interface IGroupJob<TInput, TKey, TValue, TResult> : IMapReduceJob<TInput, TKey, TValue>
{
    /// <summary>Reduces all values of one key (calls the user's reducer).</summary>
    /// <param name="key">The key.</param>
    /// <param name="values">Every value emitted for the key, in no particular order.</param>
    /// <returns>The key's result.</returns>
    static abstract TResult Reduce(TKey key, ReadOnlySpan<TValue> values);
}
