namespace MapReduceGen.Orleans.Tests.Jobs;

/// <summary>The gates of the gated test jobs.</summary>
public static class TestGates
{
    public static TestGate Map { get; } = new();

    public static TestGate Reduce { get; } = new();

    public static TestGate Hold { get; } = new();
}
