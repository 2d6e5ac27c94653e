using System.ComponentModel;

namespace MapReduceGen.Engine;

/// <summary>
/// The parameters type of a job, for executors that receive a run's parameters encoded (a silo): it rebuilds the
/// <see cref="TaskContext"/> without reflection. Generated code passes <see cref="None"/> or <see cref="Of{TParams}"/>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class JobParameters
{
    private protected JobParameters()
    {
    }

    /// <summary>A job without parameters.</summary>
    public static JobParameters None { get; } = new NoParameters();

    /// <summary>A job whose methods take parameters of type <typeparamref name="TParams"/>.</summary>
    /// <typeparam name="TParams">The parameters type.</typeparam>
    /// <returns>The descriptor.</returns>
    public static JobParameters Of<TParams>() => new Typed<TParams>();

    /// <summary>The parameters type, or <see langword="null"/>.</summary>
    internal abstract Type? Type { get; }

    /// <summary>A run's context from its encoded parameters.</summary>
    internal abstract TaskContext Decode(IPayloadCodec codec, byte[]? data);

    /// <summary>Checks that a run's context carries this job's parameters (generated code always passes the right ones).</summary>
    internal void Check(TaskContext context, string jobName)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.ParametersType != Type)
        {
            throw new ArgumentException(
                $"MapReduce job '{jobName}' takes parameters of type {Type?.FullName ?? "(none)"}, but the run was given {context.ParametersType?.FullName ?? "none"}.",
                nameof(context));
        }
    }

    private sealed class NoParameters : JobParameters
    {
        internal override Type? Type => null;

        internal override TaskContext Decode(IPayloadCodec codec, byte[]? data) => TaskContext.Empty();
    }

    private sealed class Typed<TParams> : JobParameters
    {
        internal override Type? Type => typeof(TParams);

        internal override TaskContext Decode(IPayloadCodec codec, byte[]? data) =>
            TaskContext.For(codec.Decode<TParams>(data ?? throw new InvalidDataException("The run's parameters are missing.")));
    }
}
