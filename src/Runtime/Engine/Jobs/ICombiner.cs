using System.ComponentModel;

namespace MapReduceGen.Engine;

/// <summary>
/// A job that combines the values of a key as they are emitted (a fold: associative and commutative), so each key keeps
/// one accumulator instead of a list of values.
/// </summary>
/// <typeparam name="TValue">The value type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface ICombiner<TValue>
{
    /// <summary>Combines two values of one key (calls the user's fold reducer or combiner).</summary>
    /// <param name="left">The accumulated value.</param>
    /// <param name="right">The value to add.</param>
    /// <returns>The combined value.</returns>
    static abstract TValue Combine(TValue left, TValue right);
}
