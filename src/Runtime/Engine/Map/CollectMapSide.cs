using System.Runtime.CompilerServices;

namespace MapReduceGen.Engine.Map;

/// <summary>Every value is kept (in the sink's <see cref="ValueLog{TValue}"/>); a key's slot counts its values.</summary>
internal readonly struct CollectMapSide<TValue> : IMapSide<TValue, int>
{
    public static bool NextRunsUserCode => false;

    public static bool KeepsValues => true;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void First(ref int slot, TValue value) => slot = 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Next(ref int slot, TValue value) => slot++;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Merge(ref int target, in int source) => target += source;
}
