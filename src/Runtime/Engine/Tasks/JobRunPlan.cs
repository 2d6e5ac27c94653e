using System.ComponentModel;

namespace MapReduceGen.Engine;

/// <summary>
/// A run prepared for a backend (<see cref="JobDefinition{TKey, TValue, TOutput}.PrepareRun"/>): the run's data, sent to
/// every task (<see cref="TaskSettings.RunData"/>), and the inputs to cut into map tasks (an input read once was read
/// into a list when split points had to be sampled from it).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class JobRunPlan
{
    internal JobRunPlan(byte[] runData, IReadOnlyList<JobInput> inputs)
    {
        RunData = runData;
        Inputs = inputs;
    }

    /// <summary>The run's parameters and split points, encoded.</summary>
    public ReadOnlyMemory<byte> RunData { get; }

    /// <summary>The inputs, one per mapper.</summary>
    public IReadOnlyList<JobInput> Inputs { get; }
}
