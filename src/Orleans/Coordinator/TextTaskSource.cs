using System.Globalization;
using MapReduceGen.Orleans.Wire;

namespace MapReduceGen.Orleans.Coordinator;

/// <summary>One map task per byte-range split of the text files; the silos read the files themselves.</summary>
internal sealed class TextTaskSource(TextSource source, long splitBytes, string jobName, int maxBadRecords) : IMapTaskSource
{
    private readonly IReadOnlyList<TextSplit> _splits = source.CreateSplits(splitBytes);
    private int _next;

    public long? TotalBytes => source.TotalBytes;

    public bool TryNext(int partitionCount, out MapTaskRequest request, out string description)
    {
        request = null!;
        description = string.Empty;
        if (_next >= _splits.Count)
        {
            return false;
        }

        var split = _splits[_next];
        request = new MapTaskRequest
        {
            JobName = jobName,
            TaskId = _next++,
            PartitionCount = partitionCount,
            Split = TextSplitSpec.From(split),
            MaxBadRecords = maxBadRecords,
        };
        description = string.Create(CultureInfo.InvariantCulture, $"{split.Path} bytes {split.Start}..{split.End}");
        return true;
    }
}
