using System.ComponentModel;

namespace MapReduceGen.Engine;

/// <summary>
/// Marks a job of the original grouping shape (one mapper, a reducer <c>TResult R(TKey key, ReadOnlySpan&lt;TValue&gt;
/// values)</c> or <c>TResult R(TKey key, IReadOnlyList&lt;TValue&gt; values)</c>), so the entry points that take the job
/// struct as a type argument (<c>MapReduceEngine.RunGroup</c>, the cluster executor's <c>RunAsync&lt;TJob, ...&gt;</c>)
/// can run it. It adds nothing to the job: they run its <c>Definition</c>.
/// </summary>
/// <typeparam name="TInput">The mapper's input type.</typeparam>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type the mapper emits.</typeparam>
/// <typeparam name="TResult">The reducer's result type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IGroupJob<TInput, TKey, TValue, TResult>
    : IDefinedJob<TKey, TValue, MapReduceResult<TKey, TResult>>, IKeyedJob<TKey>, IGroupReduce<TKey, TValue, TResult>
{
}
