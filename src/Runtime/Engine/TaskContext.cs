using System.ComponentModel;

namespace MapReduceGen.Engine;

/// <summary>
/// What a job's user code sees of its run besides its input: the run's parameters (<see cref="TaskContext{TParams}"/>)
/// and the <see cref="MapReduceGen.Counters"/> of the task that calls it. Generated code passes the parameters and counters
/// on to the user's methods. Every map and reduce task gets its own context (same parameters, own counters), so runs with
/// different parameters can overlap and counting needs no locks.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class TaskContext
{
    private protected TaskContext()
    {
    }

    /// <summary>This task's counters.</summary>
    public Counters Counters { get; } = new();

    /// <summary>A run without parameters.</summary>
    /// <returns>A new context.</returns>
    public static TaskContext Empty() => new EmptyTaskContext();

    /// <summary>A run with parameters.</summary>
    /// <typeparam name="TParams">The job's parameters type.</typeparam>
    /// <param name="parameters">The run's parameters.</param>
    /// <returns>A new context.</returns>
    public static TaskContext<TParams> For<TParams>(TParams parameters) => new(parameters);

    /// <summary>The parameters' type, or <see langword="null"/> when the run has none.</summary>
    internal abstract Type? ParametersType { get; }

    /// <summary>A context for one task of the run: the same parameters, its own counters.</summary>
    internal abstract TaskContext ForTask();

    /// <summary>The parameters encoded for another process (a silo), or <see langword="null"/> when there are none.</summary>
    internal abstract byte[]? Encode(IPayloadCodec codec);

    private sealed class EmptyTaskContext : TaskContext
    {
        internal override Type? ParametersType => null;

        internal override TaskContext ForTask() => new EmptyTaskContext();

        internal override byte[]? Encode(IPayloadCodec codec) => null;
    }
}
