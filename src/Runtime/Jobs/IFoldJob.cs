namespace MapReduceGen;

/// <summary>
/// A job whose reducer is a fold, <c>TValue R(TValue left, TValue right)</c>: associative and commutative, so
/// values are combined as they are emitted and each key keeps a single accumulator.
/// </summary>
/// <typeparam name="TInput">The mapper's input type.</typeparam>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type, which is also the result type.</typeparam>
public interface IFoldJob<TInput, TKey, TValue> : IMapReduceJob<TInput, TKey, TValue>
{
    /// <summary>Combines two values of one key (calls the user's reducer).</summary>
    /// <param name="left">The accumulated value.</param>
    /// <param name="right">The value to add.</param>
    /// <returns>The combined value.</returns>
    static abstract TValue Combine(TValue left, TValue right);
}
