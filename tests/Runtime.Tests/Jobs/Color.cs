namespace MapReduceGen.Runtime.Tests.Jobs;

/// <summary>An enum key.</summary>
internal enum Color
{
    Red = 0,
    Green = 1,
    Blue = 2,
    Cyan = 3,
    Magenta = 4,
}
