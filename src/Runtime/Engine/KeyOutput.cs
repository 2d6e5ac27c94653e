using System.ComponentModel;
using MapReduceGen.Engine.Reduce;

namespace MapReduceGen.Engine;

/// <summary>
/// What a generated reducer call writes one key's output to: its result (<see cref="Set"/>, for reducers that return
/// one), or its records (<see cref="Records"/>, for reducers that take a <see cref="RecordOutput{TRecord}"/>). Which of
/// the two a job uses is fixed by its definition; the engine's key loop is the same for both.
/// </summary>
/// <typeparam name="TResult">The result type, or the record type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct KeyOutput<TResult>
{
    private readonly ReduceOutput<TResult> _output;
    private readonly int _entry;

    internal KeyOutput(ReduceOutput<TResult> output, int entry)
    {
        _output = output;
        _entry = entry;
    }

    /// <summary>Where a reducer that writes records writes this key's records.</summary>
    /// <exception cref="InvalidOperationException">The job returns one result per key.</exception>
    public RecordOutput<TResult> Records =>
        new(Target.Records ?? throw new InvalidOperationException("This job returns one result per key; it writes no records."));

    /// <summary>Sets this key's result.</summary>
    /// <param name="result">The value the reducer returned.</param>
    /// <exception cref="InvalidOperationException">The job writes records.</exception>
    public void Set(TResult result) =>
        (Target.Results ?? throw new InvalidOperationException("This job writes records; it has no result per key."))[_entry] = result;

    private ReduceOutput<TResult> Target =>
        _output ?? throw new InvalidOperationException("This KeyOutput was default-initialized; use the one the engine passes.");
}
