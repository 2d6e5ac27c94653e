namespace MapReduceGen.Examples;

/// <summary>
/// PageRank (Spark's example): one run is one iteration. Each page sends its rank, split evenly, to the pages it links
/// to, and sends its links to itself so the graph survives the iteration; each page's new rank is
/// <c>(1 - d) / N + d × (sum of what it received)</c>. The damping <c>d</c> and the page count <c>N</c> are the run's
/// parameters. The output (the pages with their new ranks, in page order) is the next iteration's input.
/// </summary>
public static partial class PageRank
{
    [Mapper]
    public static void Map(Page page, Emitter<int, RankShare> emit, Counters counters)
    {
        emit.Emit(page.Id, new RankShare(page.Links, 0));
        if (page.Links.Length == 0)
        {
            counters.Increment("dangling pages");
            return;
        }

        double share = page.Rank / page.Links.Length;
        foreach (int link in page.Links)
        {
            emit.Emit(link, new RankShare(null, share));
        }
    }

    [Reducer(SortByKey = true)]
    public static void Reduce(int id, ReadOnlySpan<RankShare> shares, RecordOutput<Page> output, PageRankParameters parameters)
    {
        int[] links = [];
        double received = 0;
        foreach (RankShare share in shares)
        {
            links = share.Links ?? links;
            received += share.Rank;
        }

        output.Add(new Page(id, links, ((1 - parameters.Damping) / parameters.PageCount) + (parameters.Damping * received)));
    }
}
