namespace MapReduceGen.Examples;

/// <summary>How many points each map task of <see cref="QuasiMonteCarlo"/> samples.</summary>
[GenerateSerializer]
public sealed record PiParameters(long SamplesPerMap);
