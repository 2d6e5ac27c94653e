using System.ComponentModel;

namespace MapReduceGen.Engine;

/// <summary>
/// A job whose reducer sees every value of a key, <c>TResult R(TKey key, ReadOnlySpan&lt;TValue&gt; values)</c> or
/// <c>TResult R(TKey key, IReadOnlyList&lt;TValue&gt; values)</c>.
/// </summary>
/// <typeparam name="TInput">The mapper's input type.</typeparam>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type the mapper emits.</typeparam>
/// <typeparam name="TResult">The reducer's result type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IGroupJob<TInput, TKey, TValue, TResult> : IMapReduceJob<TInput, TKey, TValue>, IGroupReducer<TKey, TValue, TResult>
{
}
