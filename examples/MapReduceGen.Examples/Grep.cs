using System.Text.RegularExpressions;

namespace MapReduceGen.Examples;

/// <summary>
/// Hadoop's <c>Grep</c>: counts the matches of a regular expression (the run's parameters, so two runs with different
/// patterns can overlap) and sorts them by count, most frequent first, in the job itself (Hadoop needs a second job for
/// that): the reducer writes one record per match and the <c>[OutputComparer]</c> orders the output; equal counts stay in
/// key order (<c>SortByKey</c>). The pattern is compiled once per task (<c>[TaskSetup]</c>), on whichever machine the task
/// runs: only the pattern's text travels. Counters say how many lines were scanned and how many matched.
/// </summary>
public static partial class Grep
{
    [TaskSetup]
    public static Regex Compile(GrepParameters parameters) => new(parameters.Pattern, RegexOptions.CultureInvariant);

    [Mapper]
    public static void Map(string line, Emitter<string, long> emit, GrepParameters parameters, Counters counters, Regex regex)
    {
        counters.Increment("lines");
        bool matched = false;
        foreach (Match match in regex.Matches(line))
        {
            emit.Emit(match.Groups[parameters.Group].Value, 1);
            matched = true;
        }

        if (matched)
        {
            counters.Increment("matching lines");
        }
    }

    [Combiner]
    public static long Combine(long left, long right) => left + right;

    [Reducer(SortByKey = true)]
    public static void Reduce(string text, long count, RecordOutput<GrepMatch> output) => output.Add(new GrepMatch(count, text));

    [OutputComparer]
    public static int MostFrequentFirst(GrepMatch left, GrepMatch right) => right.Count.CompareTo(left.Count);
}
