using MapReduceGen.Engine.Keys;
using MapReduceGen.Engine.Map;

namespace MapReduceGen.Engine.Reduce;

/// <summary>The distinct shape's reduce side: merge the keys of the partition's pieces, then call the reducer once per key.</summary>
internal readonly struct DistinctReducer<TJob, TKey, TValue, TResult> : IReducer<TKey, TValue, byte, TResult>
    where TJob : IDistinctReduce<TKey, TResult>
{
    public static PartitionResult<TStored, byte, TOps, TResult> Reduce<TStored, TOps>(
        ReadOnlySpan<Piece<TStored, byte, TValue>> pieces, TOps ops, ReduceScope<TKey, TValue> scope)
        where TOps : struct, IKeyOps<TStored>
    {
        var keys = PartitionMerge.Merge<TKey, TStored, byte, TValue, TOps, DistinctMapSide<TValue>>(pieces, ops, scope.State);
        ReduceOutput<TResult> output = scope.CreateOutput<TResult>(keys.Count);
        return KeyLoop.Run(keys, scope, output, new Call(output, scope.Context));
    }

    public static bool TakesKey => true;

    public static bool SeesEachSlot => false;

    public static void ReduceGroup(TKey key, Span<byte> slots, Span<TValue> values, KeyOutput<TResult> output, ReduceScope<TKey, TValue> scope) =>
        TJob.Reduce(key, output, scope.Context);

    private readonly struct Call(ReduceOutput<TResult> output, TaskContext context) : KeyLoop.IAction<TKey>
    {
        public void Run(int entry, TKey key) => TJob.Reduce(key, output.For(entry), context);
    }
}
