using MapReduceGen;
using Package.Consumer.Data;
using Package.Consumer.Jobs;

namespace Package.Tests;

/// <summary>Fold reducers fed by an enumerable mapper (char keys) and by an emitter with tuple-and-enum keys.</summary>
public class EnumerableMapperFoldTests
{
    [Fact]
    public void CountsNonWhiteSpaceCharacters()
    {
        var result = CharacterHistogramJob.Run(["a b\ta", "ß!"]);

        Assert.Equal(2L, result['a']);
        Assert.Equal(1L, result['b']);
        Assert.Equal(1L, result['ß']);
        Assert.Equal(1L, result['!']);
        Assert.False(result.ContainsKey(' '));
        Assert.Equal(4, result.Count);
    }

    [Fact]
    public void CharacterHistogramMatchesLinq()
    {
        string[] lines = ConsumerData.Lines(2_000, seed: 9);

        var result = CharacterHistogramJob.Run(lines, new MapReduceOptions { MaxDegreeOfParallelism = 3, PartitionCount = 4 });

        Assert.Null(ResultDifference.Describe(result, Expected.CharacterHistogram(lines)));
    }

    [Fact]
    public async Task CountsIncidentsPerServiceAndSeverityAsynchronously()
    {
        LogRecord[] logs = ConsumerData.Logs(8_000, seed: 2);

        var result = await IncidentCountJob.RunAsync(logs, new MapReduceOptions { MaxDegreeOfParallelism = 2 });

        Assert.Null(ResultDifference.Describe(result, Expected.IncidentCount(logs)));
        Assert.DoesNotContain(result.Keys, key => key.Severity < Severity.Warning);
    }
}
