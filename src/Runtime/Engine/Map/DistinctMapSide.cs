using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace MapReduceGen.Engine;

/// <summary>The distinct shape's map side: only the key matters, values are dropped as they arrive; the slot holds nothing.</summary>
/// <typeparam name="TValue">The emitted value type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct DistinctMapSide<TValue> : IMapSide<TValue, byte>
{
    /// <inheritdoc/>
    public static bool NextRunsUserCode => false;

    /// <inheritdoc/>
    public static bool KeepsValues => false;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void First(ref byte slot, TValue value)
    {
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add(ref byte slot, TValue value)
    {
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Merge(ref byte target, in byte source)
    {
    }
}
