using System.ComponentModel;

namespace MapReduceGen.Engine;

/// <summary>A generated job struct as the engine sees it whatever its shape: its name and its key's hashing, equality and order.</summary>
/// <typeparam name="TKey">The key type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IKeyedJob<TKey> : IKeyEquality<TKey>
{
    /// <summary>The job's name (the job class's full name), used in errors and statistics.</summary>
    static abstract string Name { get; }
}
