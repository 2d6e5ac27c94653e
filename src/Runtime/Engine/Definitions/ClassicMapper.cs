using System.Runtime.CompilerServices;

namespace MapReduceGen.Engine.Definitions;

/// <summary>The mapper of a job struct with the original single-mapper shape (<see cref="IMapReduceJob{TInput, TKey, TValue}"/>).</summary>
internal readonly struct ClassicMapper<TJob, TInput, TKey, TValue> : IMapFunction<TInput, TKey, TValue>
    where TJob : IMapReduceJob<TInput, TKey, TValue>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Map(TInput input, Emitter<TKey, TValue> emitter, TaskContext context) => TJob.Map(input, emitter);
}
