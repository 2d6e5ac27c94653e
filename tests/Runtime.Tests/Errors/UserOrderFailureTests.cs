using MapReduceGen.Runtime.Tests.Jobs;

namespace MapReduceGen.Runtime.Tests.Errors;

/// <summary>
/// The job's partitioner and comparers are user code like the mapper and reducer: when one throws, or answers
/// inconsistently (at random), the run fails with a <see cref="MapReduceException"/> that names that method and the
/// reduce phase, never a raw exception, never a result with a key split between partitions.
/// </summary>
public sealed class UserOrderFailureTests
{
    private static readonly int[] Inputs = [.. Enumerable.Range(0, 10_000)];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void A_random_partitioner_fails_the_run_instead_of_duplicating_keys(int workers)
    {
        var error = Assert.Throws<MapReduceException>(() =>
            RandomPartitionerJob.Run(Inputs, new MapReduceOptions { MaxDegreeOfParallelism = workers, PartitionCount = 4, ChunkSize = 64 }));

        Assert.Equal(MapReducePhase.Reduce, error.Phase);
        Assert.Contains("the partitioner failed", error.Message, StringComparison.Ordinal);
        Assert.IsType<InvalidOperationException>(error.InnerException);
        Assert.Contains("[Partitioner]", error.InnerException.Message, StringComparison.Ordinal);
        Assert.Contains("inconsistent", error.InnerException.Message, StringComparison.Ordinal);
        Assert.IsType<int>(error.Key);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 4)]
    public void A_random_key_comparer_fails_the_run_naming_the_key_comparer(int workers, int partitions)
    {
        var error = Assert.Throws<MapReduceException>(() =>
            RandomKeyOrderJob.Run(Inputs, new MapReduceOptions { MaxDegreeOfParallelism = workers, PartitionCount = partitions, ChunkSize = 64 }));

        Assert.Equal(MapReducePhase.Reduce, error.Phase);
        Assert.Contains("the key comparer", error.Message, StringComparison.Ordinal);
        Assert.Contains("[KeyComparer]", error.InnerException!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 4)]
    public void A_throwing_key_comparer_is_named_as_such_in_the_reduce_phase(int workers, int partitions)
    {
        var error = Assert.Throws<MapReduceException>(() =>
            ThrowingKeyOrderJob.Run(Inputs, new MapReduceOptions { MaxDegreeOfParallelism = workers, PartitionCount = partitions }));

        Assert.Equal(MapReducePhase.Reduce, error.Phase);
        Assert.Contains("the key comparer threw FormatException: 13 has no place", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("partitioner", error.Message, StringComparison.Ordinal);
        Assert.IsType<FormatException>(error.InnerException);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 4)]
    public void An_inconsistent_output_comparer_fails_the_run_with_a_MapReduceException(int workers, int partitions)
    {
        var error = Assert.Throws<MapReduceException>(() =>
            RandomOutputOrderJob.Run(Inputs, new MapReduceOptions { MaxDegreeOfParallelism = workers, PartitionCount = partitions }));

        Assert.Equal(MapReducePhase.Reduce, error.Phase);
        Assert.Contains("the output comparer failed", error.Message, StringComparison.Ordinal);
        Assert.Contains("[OutputComparer]", error.InnerException!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_output_comparer_that_throws_merging_the_partitions_fails_the_run_with_a_MapReduceException()
    {
        // Two keys, many partitions: each partition holds at most one key, so the comparer first runs when the
        // partitions are merged into the output order.
        var error = Assert.Throws<MapReduceException>(() =>
            ThrowingOutputOrderJob.Run([1, 2], new MapReduceOptions { MaxDegreeOfParallelism = 1, PartitionCount = 1024 }));

        Assert.Equal(MapReducePhase.Reduce, error.Phase);
        Assert.Contains("the output comparer threw FormatException: no order today", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_inconsistent_value_comparer_fails_the_run_naming_the_key_whose_values_it_sorted()
    {
        var error = Assert.Throws<MapReduceException>(() =>
            RandomValueOrderJob.Run(Inputs, new MapReduceOptions { MaxDegreeOfParallelism = 2 }));

        Assert.Equal(MapReducePhase.Reduce, error.Phase);
        Assert.Contains("the value comparer failed", error.Message, StringComparison.Ordinal);
        Assert.Contains("[ValueComparer]", error.InnerException!.Message, StringComparison.Ordinal);
        Assert.IsType<int>(error.Key);
    }
}
