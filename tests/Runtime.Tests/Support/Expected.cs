namespace MapReduceGen.Runtime.Tests.Support;

/// <summary>What a run must produce: the results and the statistics the reference counted.</summary>
internal sealed record Expected<TKey, TResult>(Dictionary<TKey, TResult> Results, long Inputs, long Pairs)
    where TKey : notnull;
