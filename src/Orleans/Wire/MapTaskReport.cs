namespace MapReduceGen.Orleans.Wire;

/// <summary>A map task grain's answer to a poll.</summary>
[GenerateSerializer]
[Immutable]
[Alias("MapReduceGen.Orleans.MapTaskReport")]
internal sealed class MapTaskReport
{
    /// <summary>Where the task stands.</summary>
    [Id(0)]
    public TaskState State { get; init; }

    /// <summary>The output, when <see cref="TaskState.Completed"/>.</summary>
    [Id(1)]
    public MapTaskOutput? Output { get; init; }

    /// <summary>The failure, when <see cref="TaskState.Failed"/> or <see cref="TaskState.Faulted"/>.</summary>
    [Id(2)]
    public TaskFailure? Failure { get; init; }

    /// <summary>The silo that runs the task.</summary>
    [Id(3)]
    public string Silo { get; init; } = string.Empty;
}
