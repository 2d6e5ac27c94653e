namespace MapReduceGen.Engine.Definitions;

/// <summary>Receives a <see cref="JobMapper{TKey, TValue}"/>'s mapper and input types.</summary>
internal interface IJobMapperVisitor<TKey, TValue, TResult>
{
    TResult Visit<TMapper, TInput>(JobMapper<TKey, TValue> mapper)
        where TMapper : struct, IMapFunction<TInput, TKey, TValue>;
}
