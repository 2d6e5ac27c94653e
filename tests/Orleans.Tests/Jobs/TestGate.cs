namespace MapReduceGen.Orleans.Tests.Jobs;

/// <summary>
/// A gate that user code of the test jobs passes; closed, it holds every caller until it opens (or 60 s pass, so a
/// broken test cannot hang the run). The in-process silos of the TestCluster share it with the test.
/// </summary>
public sealed class TestGate
{
    private readonly ManualResetEventSlim _open = new(initialState: true);
    private int _waiting;

    public int Waiting => Volatile.Read(ref _waiting);

    public void Close() => _open.Reset();

    public void Open() => _open.Set();

    public void Pass()
    {
        if (_open.IsSet)
        {
            return;
        }

        Interlocked.Increment(ref _waiting);
        try
        {
            _open.Wait(TimeSpan.FromSeconds(60));
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }
}
