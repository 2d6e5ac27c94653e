using System.Text.RegularExpressions;

namespace MapReduceGen.Runtime.Tests.Jobs;

/// <summary>What <see cref="TaskRegexJob"/> looks for.</summary>
internal sealed record RegexParameters(string Pattern, string FailOn = "");

/// <summary>A task's compiled pattern, counting how many are alive (made and not yet disposed) and how many were made.</summary>
internal sealed class TaskRegex(string pattern) : IDisposable
{
    private static int s_alive;
    private static int s_made;
    private bool _disposed;

    public Regex Regex { get; } = new Regex(pattern, RegexOptions.CultureInvariant);

    public int Uses { get; set; }

    public static int Alive => Volatile.Read(ref s_alive);

    public static int Made => Volatile.Read(ref s_made);

    public static TaskRegex Make(string pattern)
    {
        Interlocked.Increment(ref s_alive);
        Interlocked.Increment(ref s_made);
        return new TaskRegex(pattern);
    }

    public void Dispose()
    {
        Assert.False(_disposed, "a task state was disposed twice");
        _disposed = true;
        Interlocked.Decrement(ref s_alive);
    }
}

/// <summary>A grep whose pattern is compiled once per task ([TaskSetup]) and used by the mapper and the reducer.</summary>
internal static partial class TaskRegexJob
{
    [TaskSetup]
    public static TaskRegex Compile(RegexParameters parameters, Counters counters)
    {
        counters.Increment("setups");
        return TaskRegex.Make(parameters.Pattern);
    }

    [Mapper]
    public static void Map(string line, Emitter<string, int> emit, TaskRegex regex, RegexParameters parameters)
    {
        if (parameters.FailOn.Length > 0 && line == parameters.FailOn)
        {
            throw new InvalidOperationException("the line to fail on");
        }

        regex.Uses++;
        foreach (Match match in regex.Regex.Matches(line))
        {
            emit.Emit(match.Value, 1);
        }
    }

    [Reducer]
    public static int Reduce(string match, ReadOnlySpan<int> values, Counters counters, TaskRegex regex)
    {
        // The reducer's task has its own state: it was made for this partition, not shared with a map task.
        counters.Increment("reduce uses");
        regex.Uses++;
        return regex.Regex.IsMatch(match) ? values.Length : -1;
    }
}

/// <summary>The running total of one left word, carried from key to key of a partition.</summary>
internal sealed class Marginal
{
    public string Left { get; set; } = "";

    public int Total { get; set; }
}

/// <summary>
/// Order inversion (bigram relative frequency): for each pair (a, b), count(a, b) / count(a, *). The mapper emits (a, b)
/// and (a, *); the partitioner sends every pair of a left word to one partition, the key order brings (a, *) first, and the
/// reducer's task state keeps its total for the pairs that follow.
/// </summary>
internal static partial class RelativeFrequencyJob
{
    public const string Marginal = "*";

    [TaskSetup]
    public static Marginal NewMarginal() => new();

    [Mapper]
    public static void Map(string line, Emitter<(string Left, string Right), int> emit)
    {
        string[] words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (int i = 1; i < words.Length; i++)
        {
            emit.Emit((words[i - 1], words[i]), 1);
            emit.Emit((words[i - 1], Marginal), 1);
        }
    }

    [Combiner]
    public static int Combine(int left, int right) => left + right;

    [Reducer(SortByKey = true)]
    public static void Reduce((string Left, string Right) pair, int count, RecordOutput<(string Left, string Right, double Frequency)> output, Marginal marginal)
    {
        if (pair.Right == Marginal)
        {
            marginal.Left = pair.Left;
            marginal.Total = count;
            return;
        }

        Assert.Equal(pair.Left, marginal.Left); // (a, *) came first in this partition
        output.Add((pair.Left, pair.Right, count / (double)marginal.Total));
    }

    [Partitioner]
    public static int ByLeftWord((string Left, string Right) pair, int partitionCount)
    {
        uint hash = 2166136261;
        foreach (char c in pair.Left)
        {
            hash = (hash ^ c) * 16777619;
        }

        return (int)(hash % (uint)partitionCount);
    }
}

/// <summary>A task state whose Dispose throws.</summary>
internal sealed class BrokenState : IDisposable
{
    public void Dispose() => throw new InvalidOperationException("the state could not be released");
}

/// <summary>A word count whose reducer's task state fails to dispose.</summary>
internal static partial class BrokenStateJob
{
    [TaskSetup]
    public static BrokenState Setup() => new();

    [Mapper]
    public static void Map(string line, Emitter<string, int> emit) => emit.Emit(line, 1);

    [Reducer]
    public static int Reduce(string line, ReadOnlySpan<int> values, BrokenState state) => values.Length;
}
