namespace MapReduceGen.Runtime.Tests.Jobs;

/// <summary>Int keys, enumerable mapper (zero, one or two pairs per input), fold reducer; non-static class.</summary>
internal sealed partial class ResidueSumJob
{
    [Mapper]
    public static IEnumerable<(int Key, long Value)> Map(int input)
    {
        if (input % 4 == 0)
        {
            yield break;
        }

        yield return (input % 17, input);
        if (input % 3 == 0)
        {
            yield return (-(input % 5), 1);
        }
    }

    [Reducer]
    public static long Reduce(long left, long right) => left + right;
}
