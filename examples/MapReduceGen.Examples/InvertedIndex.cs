namespace MapReduceGen.Examples;

/// <summary>
/// The inverted index (Hadoop's and Spark's classic): for every word, the ids of the documents that contain it, in
/// order, without repeats. The ids reach the reducer sorted (<c>[ValueComparer]</c>), so it only drops repeats; the words
/// come out sorted (<c>SortByKey</c>). A counter counts the documents.
/// </summary>
public static partial class InvertedIndex
{
    [Mapper]
    public static void Map(Document document, Emitter<string, int> emit, Counters counters)
    {
        counters.Increment("documents");
        foreach (string word in Text.Words(document.Text))
        {
            emit.Emit(word, document.Id);
        }
    }

    [ValueComparer]
    public static int ById(int left, int right) => left.CompareTo(right);

    [Reducer(SortByKey = true)]
    public static int[] Reduce(string word, ReadOnlySpan<int> documentIds)
    {
        var ids = new List<int>(documentIds.Length);
        foreach (int id in documentIds)
        {
            if (ids.Count == 0 || ids[^1] != id)
            {
                ids.Add(id);
            }
        }

        return [.. ids];
    }
}
