namespace MapReduceGen.Runtime.Tests.Support;

/// <summary>
/// Runs blocking work on the ThreadPool and waits for it with a bound, so a hang fails the test with a
/// <see cref="TimeoutException"/> instead of hanging the suite.
/// </summary>
internal static class Bounded
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    public static Task<T> Run<T>(Func<T> work, TimeSpan? limit = null) =>
        Task.Run(work).WaitAsync(limit ?? Limit);

    public static Task Run(Action work, TimeSpan? limit = null) =>
        Task.Run(work).WaitAsync(limit ?? Limit);

    /// <summary>Runs work expected to throw <typeparamref name="TException"/> (or a subclass) within the bound.</summary>
    public static async Task<TException> Throws<TException>(Func<object?> work, TimeSpan? limit = null)
        where TException : Exception
    {
        Task<object?> task = Task.Run(work);
        try
        {
            await task.WaitAsync(limit ?? Limit);
        }
        catch (TException ex)
        {
            return ex;
        }
        catch (TimeoutException)
        {
            Assert.Fail($"The run did not finish within {(limit ?? Limit).TotalSeconds} s (a hang).");
        }

        Assert.Fail($"Expected {typeof(TException).Name}, but the run returned a result.");
        return null!;
    }
}
