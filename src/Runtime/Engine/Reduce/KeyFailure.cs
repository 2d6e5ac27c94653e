namespace MapReduceGen.Engine.Reduce;

/// <summary>
/// Carries an exception user code threw while reducing (or merging the values of) a key, with the key, and what threw
/// when it was not the method the catcher assumes (the reducer, or the partitioner at the end of a map task).
/// </summary>
internal sealed class KeyFailure(object? key, Exception inner, string? what = null) : Exception("User code threw for a key.", inner)
{
    public object? Key { get; } = key;

    /// <summary>
    /// What failed, as <see cref="MapReduceException"/> words it (<c>the key comparer threw</c>, <c>the output comparer is
    /// inconsistent</c>); <see langword="null"/> for the method the catcher assumes.
    /// </summary>
    public string? What { get; } = what;

    /// <summary>The phase to report: a comparer (key, value, output) fails the reduce phase, whatever the catcher assumes.</summary>
    public MapReducePhase? Phase { get; init; }

    /// <summary>
    /// The run's exception: it names the method <see cref="What"/> says, else <paramref name="what"/> (what the catcher
    /// was running), in <see cref="Phase"/>, else <paramref name="phase"/>.
    /// </summary>
    public MapReduceException ToException(string jobName, MapReducePhase phase, string what) =>
        MapReduceException.ForUserMethod(jobName, Phase ?? phase, Key, What ?? what, InnerException!);
}
