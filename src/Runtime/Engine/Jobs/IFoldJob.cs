using System.ComponentModel;

namespace MapReduceGen.Engine;

/// <summary>
/// Marks a job of the original fold shape (one mapper, a reducer <c>TValue R(TValue left, TValue right)</c>), so the
/// entry points that take the job struct as a type argument (<c>MapReduceEngine.RunFold</c>, the cluster executor's
/// <c>RunAsync&lt;TJob, ...&gt;</c>) can run it. It adds nothing to the job: they run its <c>Definition</c>.
/// </summary>
/// <typeparam name="TInput">The mapper's input type.</typeparam>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type, which is also the result type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IFoldJob<TInput, TKey, TValue>
    : IDefinedJob<TKey, TValue, MapReduceResult<TKey, TValue>>, IKeyedJob<TKey>, ICombiner<TValue>
{
}
