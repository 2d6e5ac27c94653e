using MapReduceGen.Engine.Tables;

namespace MapReduceGen.Engine.Spill;

/// <summary>
/// One sorted input of a partition's k-way merge: that partition of a run spilled to disk, or of a map task's last
/// table kept in memory. Rows come in the run's merge order, each key once.
/// </summary>
internal abstract class MergeSource<TStored, TSlot, TValue> : IDisposable
{
    /// <summary>The current row (valid until the next <see cref="MoveNext"/>; a string key stays valid after).</summary>
    public Entry<TStored, TSlot> Current;

    /// <summary>The current row's values (jobs that keep every value); valid until the next <see cref="MoveNext"/>.</summary>
    public abstract ReadOnlySpan<TValue> CurrentValues { get; }

    /// <summary>Moves to the next row; <see langword="false"/> at the end.</summary>
    public abstract bool MoveNext();

    public virtual void Dispose()
    {
    }
}
