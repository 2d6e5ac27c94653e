namespace MapReduceGen.Runtime.Tests.Jobs;

/// <summary>A combiner and a finishing reducer over string keys: the total length of the lines each word is on, as text.</summary>
internal static partial class LineLengthJob
{
    [Mapper]
    public static void Map(string line, Emitter<string, long> emit)
    {
        foreach (string word in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            emit.Emit(word, line.Length);
        }
    }

    [Combiner]
    public static long Combine(long left, long right) => left + right;

    [Reducer]
    public static string Reduce(string word, long total) => $"{word.Length}/{total}";
}

/// <summary>A combiner and a grouping reducer over int keys: the reducer sees one combined sum per map task or run.</summary>
internal static partial class CombinedSumJob
{
    [Mapper]
    public static void Map(int input, Emitter<int, long> emit) => emit.Emit(input % 1000, input);

    [Combiner]
    public static long Combine(long left, long right) => left + right;

    [Reducer]
    public static long Reduce(int key, ReadOnlySpan<long> partials)
    {
        long sum = 0;
        foreach (long partial in partials)
        {
            sum += partial;
        }

        return sum;
    }
}

/// <summary>A grouping reducer that writes records, sorted by key: each word with its count, as text.</summary>
internal static partial class WordRecordsJob
{
    [Mapper]
    public static void Map(string line, Emitter<string, int> emit)
    {
        foreach (string word in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            emit.Emit(word, 1);
        }
    }

    [Reducer(SortByKey = true)]
    public static void Reduce(string word, ReadOnlySpan<int> ones, RecordOutput<string> output) => output.Add($"{word}={ones.Length}");
}

/// <summary>Counters in the mapper and the reducer, a fold over long keys.</summary>
internal static partial class CountedResidueJob
{
    [Mapper]
    public static void Map(long input, Emitter<long, long> emit, Counters counters)
    {
        counters.Increment("inputs");
        emit.Emit(input % 50_000, 1);
    }

    [Reducer]
    public static long Reduce(long left, long right) => left + right;
}

/// <summary>Keys only: every distinct word once, with its length (the distinct shape).</summary>
internal static partial class DistinctWordsJob
{
    [Mapper]
    public static void Map(string line, Emitter<string, int> emit)
    {
        foreach (string word in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            emit.Emit(word, 1);
        }
    }

    [Reducer]
    public static int Reduce(string word) => word.Length;
}

/// <summary>Two inputs, one mapper each, into one count per word (a word from the second input counts ten).</summary>
internal static partial class TwoInputWordsJob
{
    [Mapper]
    public static void MapLines(string line, Emitter<string, long> emit)
    {
        foreach (string word in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            emit.Emit(word, 1);
        }
    }

    [Mapper]
    public static void MapNumbers(int number, Emitter<string, long> emit) => emit.Emit("w" + (number % 7_000).ToString(System.Globalization.CultureInfo.InvariantCulture), 10);

    [Reducer]
    public static long Reduce(long left, long right) => left + right;
}

/// <summary>A [Partitioner] that sends keys by their last digit: partitions a run spills and merges must keep.</summary>
internal static partial class LastDigitPartitionJob
{
    [Mapper]
    public static void Map(string line, Emitter<string, int> emit)
    {
        foreach (string word in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            emit.Emit(word, 1);
        }
    }

    [Partitioner]
    public static int Partition(string word, int partitionCount) => (word[^1] - '0') % partitionCount;

    [Reducer]
    public static int Reduce(string word, ReadOnlySpan<int> ones) => ones.Length;
}

/// <summary>A grouping job whose reducer calls back once per key (its parameters), so a test can cancel mid-reduce.</summary>
internal static partial class CancelWhileReducingJob
{
    [Mapper]
    public static void Map(int input, Emitter<int, int> emit) => emit.Emit(input, input);

    [Reducer]
    public static int Reduce(int key, ReadOnlySpan<int> values, Action onKey)
    {
        onKey();
        return values.Length;
    }
}

/// <summary>Lines grouped by their first ten characters and written back whole, in key order: long string values.</summary>
internal static partial class KeyedLinesJob
{
    [Mapper]
    public static void Map(string line, Emitter<string, string> emit) => emit.Emit(line[..10], line);

    [Reducer(SortByKey = true)]
    public static void Reduce(string key, ReadOnlySpan<string> lines, RecordOutput<string> output)
    {
        foreach (string line in lines)
        {
            output.Add(line);
        }
    }
}
