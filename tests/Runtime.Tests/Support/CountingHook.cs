namespace MapReduceGen.Runtime.Tests.Support;

/// <summary>Counts calls from several threads (how many inputs a run mapped before it stopped).</summary>
internal sealed class CountingHook
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void Hit() => Interlocked.Increment(ref _count);
}
