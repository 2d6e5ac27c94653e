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

    private object? _state;
    private bool _hasState;

    /// <summary>This task's counters.</summary>
    public Counters Counters { get; } = new();

    /// <summary>
    /// This task's state (the job's <c>[TaskSetup]</c> method's result): made by <paramref name="create"/> the first time
    /// it is asked for, the same object afterwards, disposed when the task ends.
    /// </summary>
    /// <typeparam name="TState">The state's type.</typeparam>
    /// <param name="create">Makes the state from this context (the generated call of the job's setup method).</param>
    /// <returns>The task's state.</returns>
    public TState State<TState>(Func<TaskContext, TState> create)
    {
        if (!_hasState)
        {
            _state = create(this);
            _hasState = true;
        }

        return (TState)_state!;
    }

    /// <summary>
    /// Ends the task: disposes its state (when it was made and is <see cref="IDisposable"/>), and returns what the
    /// disposal threw, for the caller to report; the context can then start a state again.
    /// </summary>
    /// <returns>The exception the state's <c>Dispose</c> threw, or <see langword="null"/>.</returns>
    internal Exception? EndTask()
    {
        object? state = _state;
        _state = null;
        _hasState = false;
        try
        {
            (state as IDisposable)?.Dispose();
            return null;
        }
        catch (Exception failure)
        {
            return failure;
        }
    }

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
