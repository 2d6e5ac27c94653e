using MapReduceGen.Engine.Keys;
using MapReduceGen.Engine.Ordering;
using MapReduceGen.Engine.Tables;

namespace MapReduceGen.Engine.Reduce;

/// <summary>
/// The loop every reducer with a call per key runs over a partition's keys: in key order when the scope asks for it (the
/// order is kept for the output), else in table order; each key made from its stored form once, user code's exceptions
/// wrapped with the key (<see cref="KeyFailure"/>), and a stop between keys when the run is cancelled or failed. The
/// call writes the key's output (a result, or records) to the action's <see cref="ReduceOutput{TResult}"/>.
/// </summary>
internal static class KeyLoop
{
    public interface IAction<TKey>
    {
        void Run(int entry, TKey key);
    }

    /// <summary>The partition's key order when the scope sorts keys, else <see langword="null"/>.</summary>
    public static int[]? Order<TKey, TValue, TStored, TSlot, TOps>(KeyTable<TStored, TSlot, TOps> keys, ReduceScope<TKey, TValue> scope)
        where TOps : struct, IKeyOps<TStored> =>
        scope.KeyOrder is { } order && !scope.State.StopRequested ? KeySort.Order<TKey, TStored, TSlot, TOps>(keys, order) : null;

    /// <summary>Calls <paramref name="action"/> for every key, in the scope's order, writing to <paramref name="output"/>; returns the partition's result.</summary>
    public static PartitionResult<TStored, TSlot, TOps, TResult> Run<TKey, TValue, TStored, TSlot, TOps, TResult, TAction>(
        KeyTable<TStored, TSlot, TOps> keys, ReduceScope<TKey, TValue> scope, ReduceOutput<TResult> output, TAction action)
        where TOps : struct, IKeyOps<TStored>
        where TAction : struct, IAction<TKey>
    {
        int[]? order = Order(keys, scope);
        int count = keys.Count;
        for (int i = 0; i < count; i++)
        {
            if (scope.State.StopRequested)
            {
                break;
            }

            int entry = order is null ? i : order[i];
            TKey key = StoredKeys.ToKey<TKey, TStored>(keys.EntryAt(entry).Key);
            try
            {
                action.Run(entry, key);
            }
            catch (KeyFailure)
            {
                throw;
            }
            catch (Exception ex)
            {
                throw new KeyFailure(key, ex);
            }
        }

        return new(keys, output.Results, order, output.Records);
    }
}
