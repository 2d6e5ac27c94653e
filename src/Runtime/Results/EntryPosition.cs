namespace MapReduceGen.Engine.Results;

/// <summary>Where an entry of a result store is, with its result (what ordering compares first).</summary>
internal readonly record struct EntryPosition<TResult>(int Partition, int Index, TResult Result);
