namespace MapReduceGen.Runtime.Tests.Jobs;

/// <summary>
/// A value that carries a hook the reducer calls when it meets the value: tests inject throws and cancellations into
/// the reduce phase through their inputs, so the jobs stay plain static methods with no shared state.
/// </summary>
internal readonly record struct Probe(long Amount, Action? OnReduce);
