using System.ComponentModel;

namespace MapReduceGen.Engine;

/// <summary>A <see cref="TaskContext"/> of a run with parameters.</summary>
/// <typeparam name="TParams">The job's parameters type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class TaskContext<TParams> : TaskContext
{
    internal TaskContext(TParams parameters)
    {
        Parameters = parameters;
    }

    /// <summary>The run's parameters, as given to the generated <c>Run</c>.</summary>
    public TParams Parameters { get; }

    internal override Type? ParametersType => typeof(TParams);

    internal override TaskContext ForTask() => new TaskContext<TParams>(Parameters);

    internal override byte[]? Encode(IPayloadCodec codec) => codec.Encode(Parameters);
}
