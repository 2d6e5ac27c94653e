namespace MapReduceGen.Runtime.Tests.Support;

/// <summary>One combination of run settings, with the input shape and seed it is tested with.</summary>
internal sealed record OptionCase(int Workers, int Partitions, int ChunkSize, InputShape Shape, int Seed)
{
    public MapReduceOptions ToOptions() =>
        new() { MaxDegreeOfParallelism = Workers, PartitionCount = Partitions, ChunkSize = ChunkSize };

    public override string ToString() =>
        $"workers {Workers}, partitions {Partitions}, chunk {ChunkSize}, {Shape} input, seed {Seed}";
}
