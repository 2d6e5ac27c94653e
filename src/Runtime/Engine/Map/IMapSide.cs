using System.ComponentModel;

namespace MapReduceGen.Engine;

/// <summary>
/// What a key's slot holds in a map worker's table, and how an emitted value enters it: a fold combines the value
/// into one accumulator (<see cref="FoldMapSide{TJob, TValue}"/>); a job that needs every value counts them in the
/// slot while the sink keeps the values themselves (<see cref="CollectMapSide{TValue}"/>). Structs with static
/// members, so the sink specialised for them calls them directly.
/// </summary>
/// <typeparam name="TValue">The emitted value type.</typeparam>
/// <typeparam name="TSlot">What a key's slot holds.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IMapSide<TValue, TSlot>
{
    /// <summary>Whether the sink keeps every value (then the slot counts them).</summary>
    static abstract bool KeepsValues { get; }

    /// <summary>Whether <see cref="Add"/> calls user code (which may throw).</summary>
    static abstract bool NextRunsUserCode { get; }

    /// <summary>The first value of a key in this table.</summary>
    static abstract void First(ref TSlot slot, TValue value);

    /// <summary>A further value of the key; may throw (user code).</summary>
    static abstract void Add(ref TSlot slot, TValue value);

    /// <summary>Merges another table's slot of the same key into <paramref name="target"/>; may throw (user code).</summary>
    static abstract void Merge(ref TSlot target, in TSlot source);
}
