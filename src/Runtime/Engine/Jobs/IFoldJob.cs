using System.ComponentModel;

namespace MapReduceGen.Engine;

/// <summary>
/// A job whose reducer is a fold, <c>TValue R(TValue left, TValue right)</c>: associative and commutative, so
/// values are combined as they are emitted and each key keeps a single accumulator.
/// </summary>
/// <typeparam name="TInput">The mapper's input type.</typeparam>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type, which is also the result type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IFoldJob<TInput, TKey, TValue> : IMapReduceJob<TInput, TKey, TValue>, ICombiner<TValue>
{
}
