using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace MapReduceGen.Engine;

/// <summary>Every value is kept (in the sink's <see cref="Map.ValueLog{TValue}"/>); a key's slot counts its values.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct CollectMapSide<TValue> : IMapSide<TValue, int>
{
    /// <inheritdoc/>
    public static bool NextRunsUserCode => false;

    /// <inheritdoc/>
    public static bool KeepsValues => true;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void First(ref int slot, TValue value) => slot = 1;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add(ref int slot, TValue value) => slot++;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Merge(ref int target, in int source) => target += source;
}
