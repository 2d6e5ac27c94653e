namespace MapReduceGen.Backend.Tests.Jobs;

/// <summary>A mapper that throws on one input, with a parameter so it has a definition of its own.</summary>
public static partial class Boom
{
    [Mapper]
    public static void Map(int input, Emitter<int, int> emit, LengthFilter filter)
    {
        if (input == filter.MinimumLength)
        {
            throw new InvalidOperationException($"input {input} is bad");
        }

        emit.Emit(input % 7, input);
    }

    [Reducer]
    public static int Reduce(int left, int right) => left + right;
}
