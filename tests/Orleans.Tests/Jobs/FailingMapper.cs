namespace MapReduceGen.Orleans.Tests.Jobs;

/// <summary>A fold job whose mapper throws on the input "boom".</summary>
public static partial class FailingMapper
{
    [Mapper]
    public static void Map(string input, Emitter<string, int> emit)
    {
        if (input == "boom")
        {
            throw new InvalidOperationException("the mapper cannot digest boom");
        }

        emit.Emit(input, 1);
    }

    [Reducer]
    public static int Reduce(int left, int right) => left + right;
}
