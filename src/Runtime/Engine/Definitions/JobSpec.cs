namespace MapReduceGen.Engine.Definitions;

/// <summary>The parts of a job definition its executors need besides its types: mappers, parameters, layout, codecs.</summary>
internal sealed class JobSpec<TKey, TValue, TResult>(
    string name,
    IReadOnlyList<JobMapper<TKey, TValue>> mappers,
    JobParameters parameters,
    JobLayout<TKey, TValue, TResult> layout,
    JobCodecs<TKey, TValue, TResult>? codecs = null)
{
    public string Name => name;

    public IReadOnlyList<JobMapper<TKey, TValue>> Mappers => mappers;

    public JobParameters Parameters => parameters;

    public JobLayout<TKey, TValue, TResult> Layout => layout;

    /// <summary>How the job's keys, values and results are written (spill files, a cluster's shuffle, output files).</summary>
    public TypedCodecs<TKey, TValue, TResult> Codecs { get; } = new(codecs);

    /// <summary>Whether the output is sorted by key with range partitions (not with the job's own partitioner).</summary>
    public bool RangePartitioned => layout.SortByKey && layout.Partitioner is null;

    /// <summary>Checks a run's inputs and context against the job.</summary>
    public void Check(JobInput[] inputs, TaskContext context)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.Length != mappers.Count)
        {
            throw new ArgumentException(
                $"MapReduce job '{name}' has {mappers.Count} input(s) but was given {inputs.Length}.", nameof(inputs));
        }

        for (int i = 0; i < inputs.Length; i++)
        {
            if (inputs[i] is null)
            {
                throw new ArgumentNullException(nameof(inputs), $"The input '{mappers[i].InputName}' of MapReduce job '{name}' is null.");
            }
        }

        parameters.Check(context, name);
    }
}
