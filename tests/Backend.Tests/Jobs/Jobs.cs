namespace MapReduceGen.Backend.Tests.Jobs;

/// <summary>Run parameters of <see cref="LongWords"/>.</summary>
public sealed record LengthFilter(int MinimumLength);

/// <summary>A key with members, written by a generated or payload codec.</summary>
public readonly record struct Initial(char Letter, int Length);
