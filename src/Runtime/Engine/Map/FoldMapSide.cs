using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace MapReduceGen.Engine;

/// <summary>Map-side combining: a key's slot is its accumulator, folded with the job's combiner as values arrive.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct FoldMapSide<TJob, TValue> : IMapSide<TValue, TValue>
    where TJob : ICombiner<TValue>
{
    /// <inheritdoc/>
    public static bool NextRunsUserCode => true;

    /// <inheritdoc/>
    public static bool KeepsValues => false;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void First(ref TValue slot, TValue value) => slot = value;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add(ref TValue slot, TValue value) => slot = TJob.Combine(slot, value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Merge(ref TValue target, in TValue source) => target = TJob.Combine(target, source);
}
