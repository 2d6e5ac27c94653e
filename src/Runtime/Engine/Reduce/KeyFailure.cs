namespace MapReduceGen.Engine.Reduce;

/// <summary>Carries an exception user code threw while reducing (or merging the values of) a key, with the key.</summary>
internal sealed class KeyFailure(object? key, Exception inner) : Exception("User code threw for a key.", inner)
{
    public object? Key { get; } = key;
}
