using MapReduceGen.Orleans.Wire;

namespace MapReduceGen.Orleans.Coordinator;

/// <summary>
/// The map tasks of a whole run: those of each of the job's inputs in turn (a job with several mappers has one source per
/// input), each request stamped with its input, a task id unique in the run, and the run's data (parameters, split
/// points).
/// </summary>
internal sealed class RunTaskSource(IReadOnlyList<IMapTaskSource> inputs, byte[]? jobData) : IMapTaskSource, IDisposable
{
    private int _input;
    private int _nextTaskId;

    public long? TotalBytes
    {
        get
        {
            long? total = null;
            foreach (IMapTaskSource input in inputs)
            {
                if (input.TotalBytes is long bytes)
                {
                    total = (total ?? 0) + bytes;
                }
            }

            return total;
        }
    }

    public bool TryNext(int partitionCount, out MapTaskRequest request, out string description)
    {
        while (_input < inputs.Count)
        {
            if (inputs[_input].TryNext(partitionCount, out MapTaskRequest next, out description))
            {
                request = next.With(_nextTaskId++, _input, jobData);
                if (inputs.Count > 1)
                {
                    description = $"input {_input}: {description}";
                }

                return true;
            }

            _input++;
        }

        request = null!;
        description = string.Empty;
        return false;
    }

    public void Dispose()
    {
        foreach (IMapTaskSource input in inputs)
        {
            (input as IDisposable)?.Dispose();
        }
    }
}
