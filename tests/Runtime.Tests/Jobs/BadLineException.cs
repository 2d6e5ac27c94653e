namespace MapReduceGen.Runtime.Tests.Jobs;

/// <summary>What <see cref="BoomWordJob"/> throws for a line holding the word "boom".</summary>
internal sealed class BadLineException(string line) : Exception($"bad line: {line}")
{
    public string Line { get; } = line;
}
