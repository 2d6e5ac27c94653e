namespace MapReduceGen.Runtime.Tests.Jobs;

/// <summary>An input of the fault jobs: a key and amount, a hook the mapper calls, and a hook for the reducer.</summary>
internal sealed record FaultInput(int Key, long Amount, Action? OnMap = null, Action? OnReduce = null)
{
    public static FaultInput[] Plain(int count, int keys) =>
        [.. Enumerable.Range(0, count).Select(i => new FaultInput(i % keys, i))];
}
