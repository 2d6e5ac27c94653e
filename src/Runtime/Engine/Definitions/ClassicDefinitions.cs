using MapReduceGen.Engine.Map;
using MapReduceGen.Engine.Output;
using MapReduceGen.Engine.Reduce;

namespace MapReduceGen.Engine.Definitions;

/// <summary>
/// The definitions of job structs with the original shapes (one mapper, a fold or grouping reducer, no parameters): the
/// same core as every other shape, with adapters for the mapper and the grouping reducer. Definitions hold no state, so
/// each is made once per job type.
/// </summary>
internal static class ClassicDefinitions<TJob, TInput, TKey, TValue>
    where TJob : struct, IMapReduceJob<TInput, TKey, TValue>
{
    public const string InputName = "inputs";

    public static JobMapper<TKey, TValue>[] Mappers() =>
        [JobMappers.Of<ClassicMapper<TJob, TInput, TKey, TValue>, TInput, TKey, TValue>(InputName)];

    public static JobSpec<TKey, TValue, TResult> Spec<TResult>() =>
        new(TJob.Name, Mappers(), JobParameters.None, new JobLayout<TKey, TValue, TResult>());
}
