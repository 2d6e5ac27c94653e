using MapReduceGen;

namespace Sample.WordCount.Tests.GuideExamples;

// docs/guide.md, "Mapper shapes" and "Reducer shapes": the seed's mapper shape and a grouping reducer.
public static partial class InvertedIndex
{
    [Mapper]
    public static IEnumerable<(string Word, int DocumentId)> Map(Document document)
    {
        foreach (var word in document.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            yield return (word.ToLowerInvariant(), document.Id);
        }
    }

    [Reducer]
    public static int[] Reduce(string word, IReadOnlyList<int> documentIds) =>
        documentIds.Distinct().Order().ToArray();
}
