namespace MapReduceGen.Runtime.Tests.Support;

/// <summary>The kinds of sequence a run accepts; the runner takes a different path for each.</summary>
public enum InputShape
{
    Array = 0,
    List = 1,
    ReadOnlyList = 2,
    Lazy = 3,
}
