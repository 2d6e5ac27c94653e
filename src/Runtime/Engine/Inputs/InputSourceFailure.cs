namespace MapReduceGen.Engine.Inputs;

/// <summary>Carries an exception thrown by the input sequence, with the index of the input being read.</summary>
internal sealed class InputSourceFailure(long inputIndex, Exception inner)
    : Exception("The input sequence threw.", inner)
{
    public long InputIndex { get; } = inputIndex;
}
