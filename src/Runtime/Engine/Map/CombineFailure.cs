namespace MapReduceGen.Engine.Map;

/// <summary>Carries an exception thrown by a fold reducer while combining, with the key being combined.</summary>
internal sealed class CombineFailure(object? key, Exception inner)
    : Exception("The reducer threw while combining values.", inner)
{
    public object? Key { get; } = key;
}
