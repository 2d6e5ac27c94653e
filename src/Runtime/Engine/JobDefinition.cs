using System.ComponentModel;
using MapReduceGen.Engine.Definitions;

namespace MapReduceGen.Engine;

/// <summary>
/// A job as every executor runs it (made by <see cref="JobDefinitions"/> in generated code, one per job, cached): its
/// mappers, one per input; its parameters type; how values are combined and reduced (its shape); how keys are
/// partitioned and its output ordered; the codecs of its data. The local runner (<see cref="MapReduceEngine"/>) runs it
/// on this machine; a backend that runs jobs elsewhere (the Orleans package, or one of your own) uses its task kit: the
/// public members below, which take and give bytes and plain data only, so a backend needs no engine internals.
/// </summary>
/// <remarks>
/// A backend's run: on the client, <see cref="PrepareRun"/> (parameters and a total order's split points, once) and
/// <see cref="SplitInput"/> (one <see cref="MapTaskInput"/> per map task); on the workers, <see cref="RunMapTask"/> for each
/// (its output for every partition stays with the worker) and, per partition, <see cref="CreateReducer"/>, fed that
/// partition of every map output, then completed; back on the client, <see cref="CreateOutput"/> (or
/// <see cref="JobOutputs"/> to stream partitions, or files written by the reduce tasks and committed with
/// <see cref="MapReduceOutputFiles"/>), and <see cref="ToException"/> for a task that failed. docs/architecture.md walks
/// through it; tests/Backend.Tests is a complete in-process backend.
/// </remarks>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
/// <typeparam name="TOutput">What a run returns: a <see cref="MapReduceResult{TKey, TResult}"/> or a <see cref="MapReduceRecords{TRecord}"/>.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class JobDefinition<TKey, TValue, TOutput>
{
    private protected JobDefinition()
    {
    }

    /// <summary>The job's name (its class's full name), as registries of backends know it.</summary>
    public abstract string Name { get; }

    /// <summary>The names of the job's inputs (the generated <c>Run</c>'s parameters), one per mapper.</summary>
    public abstract IReadOnlyList<string> InputNames { get; }

    /// <summary>The types of the job's inputs, one per mapper.</summary>
    public abstract IReadOnlyList<Type> InputTypes { get; }

    /// <summary>The type of the job's parameters, or <see langword="null"/> when it has none.</summary>
    public abstract Type? ParametersType { get; }

    /// <summary>Whether the output is sorted by key over key-range partitions (a run then needs split points).</summary>
    public abstract bool SortsByKey { get; }

    /// <summary>Whether the reducer writes records (the output is a <see cref="MapReduceRecords{TRecord}"/>).</summary>
    public abstract bool WritesRecords { get; }

    /// <summary>
    /// The key, value and result types that have no generated codec, so a backend's payload codec carries them (with
    /// the input types of in-memory inputs and the parameters type).
    /// </summary>
    public abstract IReadOnlyList<Type> TypesWithoutCodec { get; }

    /// <summary>The job's mappers, one per input, in order.</summary>
    internal abstract IReadOnlyList<JobMapper<TKey, TValue>> Mappers { get; }

    /// <summary>
    /// Prepares a run for a backend: checks the inputs against the job, encodes the run's parameters, and for a job
    /// sorted by key samples its inputs through its mappers (here, on the calling thread) to choose the split points of
    /// <paramref name="partitionCount"/> key ranges.
    /// </summary>
    /// <param name="inputs">One input per mapper.</param>
    /// <param name="context">The run's parameters (<see cref="TaskContext.Empty"/> for a job without).</param>
    /// <param name="partitionCount">The number of partitions.</param>
    /// <param name="codec">The backend's serializer.</param>
    /// <returns>The run's data and its inputs (an input that can be read only once is read into a list when sampled).</returns>
    /// <exception cref="MapReduceException">Reading an input or the job's key order threw while sampling.</exception>
    public abstract JobRunPlan PrepareRun(JobInput[] inputs, TaskContext context, int partitionCount, IPayloadCodec codec);

    /// <summary>
    /// Cuts one input into map tasks: text files into byte-range splits of about <paramref name="splitBytes"/> (or the
    /// source's own <see cref="TextSource.SplitBytes"/> when it sets one; read by the tasks themselves), a sequence into
    /// batches of <paramref name="batchSize"/> inputs (4096 when 0), encoded as they are taken (the sequence is read only
    /// as fast as tasks are handed out).
    /// </summary>
    /// <param name="inputIndex">The input's index.</param>
    /// <param name="input">The input (from <see cref="JobRunPlan.Inputs"/>).</param>
    /// <param name="splitBytes">The target size of a text split.</param>
    /// <param name="batchSize">The inputs per batch.</param>
    /// <param name="codec">The backend's serializer.</param>
    /// <returns>The map tasks' inputs, lazily.</returns>
    /// <exception cref="MapReduceException">The sequence threw while it was read (from the enumeration).</exception>
    /// <exception cref="NotSupportedException">The input can be read only on this machine (an asynchronous sequence, a stream, UTF-8 blocks).</exception>
    public abstract IEnumerable<MapTaskInput> SplitInput(int inputIndex, JobInput input, long splitBytes, int batchSize, IPayloadCodec codec);

    /// <summary>
    /// Runs one map task on the calling thread: maps its input with the input's mapper into one table (combining values
    /// as the job's shape says), then partitions its keys (the stable hash, the job's partitioner, or the run's key
    /// ranges) and encodes each partition.
    /// </summary>
    /// <param name="input">What the task maps.</param>
    /// <param name="settings">The run's settings.</param>
    /// <param name="cancellationToken">Stops the task.</param>
    /// <returns>The task's output, or why user code failed.</returns>
    /// <exception cref="OperationCanceledException">The task was cancelled.</exception>
    public abstract MapTaskResult RunMapTask(MapTaskInput input, TaskSettings settings, CancellationToken cancellationToken);

    /// <summary>Creates the reduce task of one partition.</summary>
    /// <param name="partition">The partition.</param>
    /// <param name="settings">The run's settings.</param>
    /// <returns>The reduce task.</returns>
    public abstract PartitionReducer CreateReducer(int partition, TaskSettings settings);

    /// <summary>
    /// The run's output from every partition's encoded output (<see cref="ReduceTaskResult.Output"/>), in partition
    /// order: what the local runner returns for the same inputs.
    /// </summary>
    /// <param name="partitions">Each partition's output.</param>
    /// <param name="statistics">The run's statistics.</param>
    /// <param name="codec">The backend's serializer.</param>
    /// <returns>The output.</returns>
    public abstract TOutput CreateOutput(IReadOnlyList<ReadOnlyMemory<byte>> partitions, MapReduceStatistics statistics, IPayloadCodec codec);

    /// <summary>The exception a failed task means, as the local runner would have thrown it.</summary>
    /// <param name="failure">The task's failure.</param>
    /// <param name="codec">The backend's serializer (for the failing key).</param>
    /// <returns>The exception.</returns>
    public abstract MapReduceException ToException(TaskFailure failure, IPayloadCodec codec);

    /// <summary>Decodes one partition's output: its keys (none for records) and its results or records.</summary>
    internal abstract (TKey[] Keys, object Items) DecodeOutput(ReadOnlyMemory<byte> partition, IPayloadCodec codec);

    /// <summary>Runs the job on this machine.</summary>
    internal abstract TOutput Run(JobInput[] inputs, TaskContext context, MapReduceOptions? options, CancellationToken cancellationToken);

    /// <summary>Runs the job on this machine without blocking the caller.</summary>
    internal abstract Task<TOutput> RunAsync(JobInput[] inputs, TaskContext context, MapReduceOptions? options, CancellationToken cancellationToken);

    /// <summary>
    /// Runs the job on this machine and hands its output over part by part, partitions in order: each part a
    /// <see cref="MapReducePartition{TKey, TResult}"/> (a result per key) or a <see cref="MapReduceRecordPartition{TRecord}"/>.
    /// </summary>
    internal abstract IAsyncEnumerable<object> StreamAsync(JobInput[] inputs, TaskContext context, MapReduceOptions? options, CancellationToken cancellationToken);

    /// <summary>Runs the job on this machine and writes its output as one file per partition, committed at the end.</summary>
    internal abstract Task<MapReduceFileOutput> RunToFilesAsync(
        JobInput[] inputs, TaskContext context, string directory, MapReduceFileFormat format, MapReduceOptions? options, CancellationToken cancellationToken);
}
