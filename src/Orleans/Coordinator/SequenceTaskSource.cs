using System.Globalization;
using MapReduceGen.Orleans.Wire;
using Orleans.Serialization;

namespace MapReduceGen.Orleans.Coordinator;

/// <summary>Cuts an input sequence into batches of <c>batchSize</c> inputs, each encoded once as a map task's input.</summary>
internal sealed class SequenceTaskSource<TInput>(
    IEnumerable<TInput> inputs, int batchSize, string jobName, int maxBadRecords, Serializer serializer) : IMapTaskSource, IDisposable
{
    private IEnumerator<TInput>? _enumerator;
    private bool _ended;
    private long _read;
    private int _nextTaskId;

    public long? TotalBytes => null;

    public bool TryNext(int partitionCount, out MapTaskRequest request, out string description)
    {
        request = null!;
        description = string.Empty;
        if (_ended)
        {
            return false;
        }

        var batch = new List<TInput>(Math.Min(batchSize, 4096));
        long first = _read;
        try
        {
            _enumerator ??= inputs.GetEnumerator();
            while (batch.Count < batchSize)
            {
                if (!_enumerator.MoveNext())
                {
                    _ended = true;
                    break;
                }

                batch.Add(_enumerator.Current);
                _read++;
            }
        }
        catch (Exception e)
        {
            _ended = true;
            throw MapReduceException.ForSource(jobName, _read, e);
        }

        if (batch.Count == 0)
        {
            return false;
        }

        request = new MapTaskRequest
        {
            JobName = jobName,
            TaskId = _nextTaskId++,
            PartitionCount = partitionCount,
            FirstInputIndex = first,
            MaxBadRecords = maxBadRecords,
            Inputs = serializer.SerializeToArray(batch.ToArray()),
        };
        description = string.Create(CultureInfo.InvariantCulture, $"inputs {first}..{first + batch.Count - 1}");
        return true;
    }

    public void Dispose() => _enumerator?.Dispose();
}
