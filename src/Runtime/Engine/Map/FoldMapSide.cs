using System.Runtime.CompilerServices;

namespace MapReduceGen.Engine.Map;

/// <summary>Map-side combining: a key's slot is its accumulator, folded with the job's combiner as values arrive.</summary>
internal readonly struct FoldMapSide<TJob, TValue> : IMapSide<TValue, TValue>
    where TJob : ICombiner<TValue>
{
    public static bool NextRunsUserCode => true;

    public static bool KeepsValues => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void First(ref TValue slot, TValue value) => slot = value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Next(ref TValue slot, TValue value) => slot = TJob.Combine(slot, value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Merge(ref TValue target, in TValue source) => target = TJob.Combine(target, source);
}
