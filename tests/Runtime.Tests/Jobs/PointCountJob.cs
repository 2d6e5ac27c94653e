#pragma warning disable MRG0034 // Point is an IEquatable struct with get-only members (the key kind under test): the job cannot spill, which these tests never need.
namespace MapReduceGen.Runtime.Tests.Jobs;

/// <summary>IEquatable struct keys, enumerable mapper, fold reducer; non-static class.</summary>
internal partial class PointCountJob
{
    [Mapper]
    public static IEnumerable<(Point, int)> Map(int input)
    {
        yield return (new Point(input % 4, input % 3), 1);
        yield return (new Point(-1, input % 2), 2);
    }

    [Reducer]
    public static int Reduce(int left, int right) => left + right;
}
