namespace MapReduceGen.Runtime.Tests.Jobs;

/// <summary>An input that runs a hook when it is mapped (to fail, cancel or tamper mid-run).</summary>
internal sealed record HookedInput(int Key, Action? OnMap = null);

/// <summary>A fold over int keys whose mapper runs each input's hook; keys and values the engine can spill.</summary>
internal static partial class HookedCountJob
{
    [Mapper]
    public static void Map(HookedInput input, Emitter<int, long> emit)
    {
        input.OnMap?.Invoke();
        emit.Emit(input.Key, 1);
    }

    [Reducer]
    public static long Reduce(long left, long right) => left + right;
}

/// <summary>A grouping reducer over int keys that throws for key 13 (it counts its keys, so it has a definition of its own).</summary>
internal static partial class UnluckyGroupJob
{
    [Mapper]
    public static void Map(int input, Emitter<int, long> emit) => emit.Emit(input % 2_000, input);

    [Reducer]
    public static long Reduce(int key, ReadOnlySpan<long> values, Counters counters)
    {
        counters.Increment("keys");
        return key == 13 ? throw new InvalidOperationException("thirteen") : values.Length;
    }
}

/// <summary>As <see cref="HookedCountJob"/>, with counters, so the job has a definition of its own.</summary>
internal static partial class CountedHookJob
{
    [Mapper]
    public static void Map(HookedInput input, Emitter<int, long> emit, Counters counters)
    {
        input.OnMap?.Invoke();
        counters.Increment("mapped");
        emit.Emit(input.Key, 1);
    }

    [Reducer]
    public static long Reduce(long left, long right) => left + right;
}
