using System.ComponentModel;
using MapReduceGen.Engine.Definitions;

namespace MapReduceGen.Engine;

/// <summary>Makes <see cref="JobMapper{TKey, TValue}"/> values for generated code.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JobMappers
{
    /// <summary>A mapper of inputs of type <typeparamref name="TInput"/>.</summary>
    /// <typeparam name="TMapper">The generated struct that calls the user's mapper.</typeparam>
    /// <typeparam name="TInput">The input type.</typeparam>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <param name="inputName">The input's name (the generated <c>Run</c>'s parameter for it).</param>
    /// <returns>The mapper.</returns>
    public static JobMapper<TKey, TValue> Of<TMapper, TInput, TKey, TValue>(string inputName)
        where TMapper : struct, IMapFunction<TInput, TKey, TValue> =>
        new TypedJobMapper<TMapper, TInput, TKey, TValue>(inputName);
}
