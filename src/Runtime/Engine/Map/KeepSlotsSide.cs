using System.Runtime.CompilerServices;

namespace MapReduceGen.Engine.Map;

/// <summary>
/// The reduce-side merge of keys whose pieces each hold one combined value that the reducer must see separately (a
/// combiner with a grouping reducer): merging a key keeps the slots apart (<see cref="Reduce.GroupedValues"/> gathers
/// them), so the user's combiner is not called again.
/// </summary>
internal readonly struct KeepSlotsSide<TValue> : IMapSide<TValue, TValue>
{
    public static bool NextRunsUserCode => false;

    public static bool KeepsValues => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void First(ref TValue slot, TValue value) => slot = value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add(ref TValue slot, TValue value)
    {
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Merge(ref TValue target, in TValue source)
    {
    }
}
