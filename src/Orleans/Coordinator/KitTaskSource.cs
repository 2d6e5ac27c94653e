using MapReduceGen.Engine;
using MapReduceGen.Orleans.Wire;

namespace MapReduceGen.Orleans.Coordinator;

/// <summary>
/// The map tasks of one input, as the job's task kit cuts it (<c>SplitInput</c>): text splits the silos read themselves,
/// or batches of a sequence encoded as they are handed out, so the sequence is read only as fast as tasks are started.
/// </summary>
internal sealed class KitTaskSource(
    IEnumerable<MapTaskInput> inputs, string jobName, int maxBadRecords, long? totalBytes, ClusterExecutionOptions cluster) : IMapTaskSource, IDisposable
{
    private IEnumerator<MapTaskInput>? _enumerator;
    private bool _ended;

    public long? TotalBytes => totalBytes;

    public bool TryNext(int partitionCount, out MapTaskRequest request, out string description)
    {
        request = null!;
        description = string.Empty;
        if (_ended)
        {
            return false;
        }

        _enumerator ??= inputs.GetEnumerator();
        try
        {
            if (!_enumerator.MoveNext())
            {
                _ended = true;
                return false;
            }
        }
        catch
        {
            _ended = true;
            throw;
        }

        MapTaskInput input = _enumerator.Current;
        request = new MapTaskRequest
        {
            JobName = jobName,
            PartitionCount = partitionCount,
            MaxBadRecords = maxBadRecords,
            InputIndex = input.InputIndex,
            Split = input.Split is { } split ? TextSplitSpec.From(split) : null,
            Inputs = input.Split is null ? input.Items.ToArray() : null,
            FirstInputIndex = input.FirstItemIndex,
            InputCount = input.ItemCount,
            MemoryBudget = cluster.TaskMemoryBudget,
            SpillDirectory = cluster.SpillDirectory,
        };
        description = input.Description;
        return true;
    }

    public void Dispose() => _enumerator?.Dispose();
}
