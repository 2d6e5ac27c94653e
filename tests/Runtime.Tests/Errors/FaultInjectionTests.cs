using MapReduceGen.Runtime.Tests.Jobs;
using MapReduceGen.Runtime.Tests.Support;

namespace MapReduceGen.Runtime.Tests.Errors;

/// <summary>
/// Fault injection: a mapper that throws at a random record, a reducer that throws for a random key, and
/// a cancellation at a random moment, each many times with random settings. Every time: the right exception,
/// no hang (each test is bounded), and never a result.
/// </summary>
public sealed class FaultInjectionTests
{
    private const int Rounds = 150;
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    private static MapReduceOptions RandomOptions(Random random) => new()
    {
        MaxDegreeOfParallelism = 1 + random.Next(8),
        PartitionCount = OptionMatrix.PartitionCounts[random.Next(OptionMatrix.PartitionCounts.Length)],
        ChunkSize = OptionMatrix.ChunkSizes[random.Next(OptionMatrix.ChunkSizes.Length)],
    };

    private static MapReduceResult<int, long>? RunEither(bool fold, IEnumerable<FaultInput> inputs, MapReduceOptions options)
    {
        if (fold)
        {
            MapReduceResult<int, Probe> result = FaultFoldJob.Run(inputs, options);
            return MapReduceResult.Create(result.Select(p => KeyValuePair.Create(p.Key, p.Value.Amount)), result.Statistics);
        }

        return FaultGroupJob.Run(inputs, options);
    }

    [Fact]
    public Task MapperThrowsAtARandomRecord() => Bounded.Run(() =>
    {
        var random = new Random(501);
        for (int round = 0; round < Rounds; round++)
        {
            int count = random.Next(1, 600);
            FaultInput[] inputs = FaultInput.Plain(count, 1 + random.Next(40));
            int failing = random.Next(count);
            var thrown = new InvalidOperationException($"round {round}");
            inputs[failing] = inputs[failing] with { OnMap = () => throw thrown };
            bool fold = random.Next(2) == 0;
            MapReduceOptions options = RandomOptions(random);
            InputShape shape = InputShapes.All[random.Next(4)];

            MapReduceException ex = Assert.Throws<MapReduceException>(() => RunEither(fold, InputShapes.As(inputs, shape), options));

            string because = $"round {round}: {shape}, fold {fold}, workers {options.MaxDegreeOfParallelism}";
            Assert.True(ex.Phase == MapReducePhase.Map, because);
            Assert.True(ex.InputIndex == failing, $"{because}: index {ex.InputIndex}, expected {failing}");
            Assert.Same(thrown, ex.InnerException);
        }
    }, Limit);

    [Fact]
    public Task ReducerThrowsForARandomKey() => Bounded.Run(() =>
    {
        var random = new Random(502);
        for (int round = 0; round < Rounds; round++)
        {
            int keys = 1 + random.Next(40);
            int count = (keys * 2) + random.Next(400);
            FaultInput[] inputs = FaultInput.Plain(count, keys);
            int poisoned = random.Next(count);
            var thrown = new ArithmeticException($"round {round}");
            inputs[poisoned] = inputs[poisoned] with { OnReduce = () => throw thrown };
            bool fold = random.Next(2) == 0;
            MapReduceOptions options = RandomOptions(random);

            MapReduceException ex = Assert.Throws<MapReduceException>(() => RunEither(fold, inputs, options));

            string because = $"round {round}: fold {fold}, workers {options.MaxDegreeOfParallelism}";
            Assert.True(ex.Phase == MapReducePhase.Reduce, because);
            Assert.True(Equals(ex.Key, inputs[poisoned].Key), $"{because}: key {ex.Key}, expected {inputs[poisoned].Key}");
            Assert.Same(thrown, ex.InnerException);
            if (ex.InputIndex is long index)
            {
                // Combining while mapping: the input being mapped emitted the same key.
                Assert.True(fold, because);
                Assert.Equal(inputs[poisoned].Key, inputs[index].Key);
            }
        }
    }, Limit);

    [Fact]
    public Task CancellationAtARandomRecordOrKey() => Bounded.Run(() =>
    {
        var random = new Random(503);
        for (int round = 0; round < Rounds; round++)
        {
            using var cts = new CancellationTokenSource();
            int count = random.Next(1, 600);
            FaultInput[] inputs = FaultInput.Plain(count, 1 + random.Next(60));
            int at = random.Next(count);
            bool inReduce = random.Next(2) == 0;
            inputs[at] = inReduce ? inputs[at] with { OnReduce = cts.Cancel } : inputs[at] with { OnMap = cts.Cancel };
            if (inReduce && !inputs.Skip(at + 1).Concat(inputs.Take(at)).Any(i => i.Key == inputs[at].Key))
            {
                // A fold calls the hook only when the value is combined: give the key a second value.
                inputs = [.. inputs, new FaultInput(inputs[at].Key, 1)];
            }

            bool fold = random.Next(2) == 0;
            MapReduceOptions options = RandomOptions(random);
            options.CancellationToken = cts.Token;

            OperationCanceledException ex = Assert.ThrowsAny<OperationCanceledException>(() => RunEither(fold, inputs, options));
            Assert.Equal(cts.Token, ex.CancellationToken);
        }
    }, Limit);

    [Fact]
    public Task CancellationAfterARandomDelay_GivesCancellationOrTheWholeResult() => Bounded.Run(() =>
    {
        var random = new Random(504);
        int cancelled = 0;
        FaultInput[] inputs = FaultInput.Plain(200_000, 500);
        long total = inputs.Sum(i => i.Amount);

        // Cancel at a random moment within the first quarter of the time a whole run takes on this machine,
        // measured here (after warm-up), so that the moments fall before and during the map and reduce phases even
        // when the machine's load changes between the measurement and the rounds.
        var runTimes = new List<TimeSpan>();
        for (int warmUp = 0; warmUp < 5; warmUp++)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            RunEither(warmUp % 2 == 0, inputs, new MapReduceOptions { MaxDegreeOfParallelism = 2 });
            runTimes.Add(clock.Elapsed);
        }

        TimeSpan runTime = runTimes.Order().ElementAt(runTimes.Count / 2);
        for (int round = 0; round < 60; round++)
        {
            using var cts = new CancellationTokenSource(runTime * random.NextDouble() / 4);
            bool fold = random.Next(2) == 0;
            MapReduceOptions options = RandomOptions(random);
            options.CancellationToken = cts.Token;
            try
            {
                MapReduceResult<int, long>? result = RunEither(fold, InputShapes.As(inputs, InputShapes.All[round % 4]), options);

                // Finished before the cancellation: then the result must be complete.
                Assert.Equal(500, result!.Count);
                Assert.Equal(total, result.Values.Sum());
                Assert.Equal(inputs.Length, result.Statistics.InputsRead);
            }
            catch (OperationCanceledException ex)
            {
                Assert.Equal(cts.Token, ex.CancellationToken);
                cancelled++;
            }
        }

        Assert.True(cancelled > 0, $"no run was cancelled (a whole run took {runTime.TotalMilliseconds:F1} ms)");
    }, Limit);
}
