using MapReduceGen.Engine.Reduce;
using MapReduceGen.Engine.Tasks;

namespace MapReduceGen.Engine.Output;

/// <summary>
/// Writes each partition of a local run as one file in the run's work directory as it is reduced (<c>RunToFilesAsync</c>),
/// key by key, so no partition is held whole; the files are committed when the run completes.
/// </summary>
internal sealed class FileDelivery<TKey, TValue, TResult>(
    PartitionFileTarget target, TypedCodecs<TKey, TValue, TResult> codecs, string jobName) : PartitionDelivery<TKey, TResult>
{
    private MapReduceOutputFile?[] _files = [];

    public override bool Blocks => false;

    public override void Begin(int partitions) => _files = new MapReduceOutputFile?[partitions];

    /// <summary>The files written, in partition order.</summary>
    public IReadOnlyList<MapReduceOutputFile> Files => [.. _files.Select((f, p) => f ?? throw new InvalidOperationException($"Partition {p} has no file."))];

    public override PartitionOutput<TStored, TResult> Open<TStored>(int partition) =>
        new Output<TStored>(this, partition, new PartitionFileWriter<TKey, TValue, TResult>(target, partition, codecs, null, jobName));

    public override void Fail(Exception failure)
    {
    }

    private sealed class Output<TStored>(FileDelivery<TKey, TValue, TResult> delivery, int partition, PartitionFileWriter<TKey, TValue, TResult> file)
        : PartitionOutput<TStored, TResult>
    {
        public override void Write(in TStored key, int stableHash, TResult result) => file.Write(StoredKeys.ToKey<TKey, TStored>(key), result);

        public override void WriteRecords(List<TResult> records)
        {
            foreach (TResult record in records)
            {
                file.WriteRecord(record);
            }
        }

        public override void Complete(long keys)
        {
            using (file)
            {
                delivery._files[partition] = file.Complete();
            }
        }
    }
}
