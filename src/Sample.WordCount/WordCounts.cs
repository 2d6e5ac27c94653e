using MapReduceGen;

namespace Sample.WordCount;

/// <summary>
/// What a count gives the program: the whole result of a run held in memory (a small input), or the parts of a
/// streamed run as they are reduced (any input). Read either way, once.
/// </summary>
internal sealed class WordCounts
{
    private readonly MapReduceResult<string, int>? _result;
    private readonly IAsyncEnumerable<MapReducePartition<string, int>>? _parts;

    private WordCounts(MapReduceResult<string, int>? result, IAsyncEnumerable<MapReducePartition<string, int>>? parts)
    {
        _result = result;
        _parts = parts;
    }

    /// <summary>A run's result, held whole.</summary>
    public static WordCounts Held(MapReduceResult<string, int> result) => new(result, null);

    /// <summary>A streamed run's parts (the run happens as they are read).</summary>
    public static WordCounts Streamed(IAsyncEnumerable<MapReducePartition<string, int>> parts) => new(null, parts);

    /// <summary>Every word once with its count, the word as the UTF-8 the run stores (no string per word).</summary>
    public IEnumerable<Utf8ResultEntry<int>> Utf8Entries(CancellationToken cancellationToken) => _result is not null
        ? _result.Utf8Entries()
        : _parts!.ToBlockingEnumerable(cancellationToken).SelectMany(part => part.Utf8Entries());

    /// <summary>Every word once with its count.</summary>
    public IEnumerable<KeyValuePair<string, int>> Entries(CancellationToken cancellationToken) => _result is not null
        ? _result
        : _parts!.ToBlockingEnumerable(cancellationToken).SelectMany(part => part.Entries);
}
