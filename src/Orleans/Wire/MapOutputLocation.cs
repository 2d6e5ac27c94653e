namespace MapReduceGen.Orleans.Wire;

/// <summary>
/// Where a reduce task finds one map task's output for its partition: the grain of the attempt whose output the
/// coordinator accepted (it keeps the output on its silo), and how many bytes there are to fetch.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("MapReduceGen.Orleans.MapOutputLocation")]
internal sealed record MapOutputLocation(
    [property: Id(0)] int TaskId,
    [property: Id(1)] int Attempt,
    [property: Id(2)] string GrainKey,
    [property: Id(3)] string Silo,
    [property: Id(4)] long Bytes);
