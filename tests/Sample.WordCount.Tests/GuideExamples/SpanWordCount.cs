using MapReduceGen;

namespace Sample.WordCount.Tests.GuideExamples;

// docs/guide.md, "Mapper shapes": span keys allocate a string only for a worker's new words.
public static partial class SpanWordCount
{
    [Mapper]
    public static void Map(string line, Emitter<string, long> emit)
    {
        ReadOnlySpan<char> rest = line;
        while (!rest.IsEmpty)
        {
            int space = rest.IndexOf(' ');
            ReadOnlySpan<char> word = space < 0 ? rest : rest[..space];
            if (!word.IsEmpty)
            {
                emit.Emit(word, 1L);
            }

            rest = space < 0 ? [] : rest[(space + 1)..];
        }
    }

    [Reducer]
    public static long Reduce(long left, long right) => left + right;
}
