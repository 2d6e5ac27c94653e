namespace MapReduceGen.Runtime.Tests.Errors;

/// <summary>Tests that change process-wide ThreadPool settings run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ThreadPoolCollection
{
    public const string Name = "ThreadPool settings";
}
