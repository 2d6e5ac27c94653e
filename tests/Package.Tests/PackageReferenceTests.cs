using System.Reflection;
using MapReduceGen;
using MapReduceGen.Engine;
using Package.Consumer.Jobs;

namespace Package.Tests;

/// <summary>The runtime comes from the packed package and the package's generator ran on this project.</summary>
public class PackageReferenceTests
{
    [Fact]
    public void RuntimeAssemblyIsTheOneFromThePackedVersion()
    {
        string packed = Metadata("MapReduceGenVersion");
        string? runtimeVersion = typeof(MapReduceOptions).Assembly
            .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;

        Assert.NotNull(runtimeVersion);
        // The informational version is the package version, optionally followed by "+<commit>".
        Assert.Equal(packed, runtimeVersion.Split('+')[0]);
    }

    [Fact]
    public void GeneratorWroteAJobStructForEveryReducerShape()
    {
        Assert.True(typeof(IFoldJob<string, string, int>).IsAssignableFrom(typeof(WordFrequencyJob.MapReduceJob)));
        Assert.True(typeof(IFoldJob<string, char, long>).IsAssignableFrom(typeof(CharacterHistogramJob.MapReduceJob)));
        Assert.True(typeof(IGroupJob<Sale, RegionYear, decimal, SalesSummary>)
            .IsAssignableFrom(typeof(SalesByRegionYearJob.MapReduceJob)));
        Assert.True(typeof(IGroupJob<string, int, string, string>).IsAssignableFrom(typeof(WordsByLengthJob.MapReduceJob)));
        Assert.True(typeof(WordFrequencyJob.MapReduceJob).IsValueType);
    }

    [Fact]
    public void GeneratorIsNotARuntimeDependency()
    {
        string[] referenced = typeof(PackageReferenceTests).Assembly.GetReferencedAssemblies()
            .Concat(typeof(MapReduceOptions).Assembly.GetReferencedAssemblies())
            .Select(name => name.Name ?? "")
            .ToArray();

        Assert.Contains("MapReduceGen", referenced);
        Assert.DoesNotContain(referenced, name => name.StartsWith("MapReduceGen.Generator", StringComparison.Ordinal));
        Assert.DoesNotContain(referenced, name => name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal));
        Assert.False(File.Exists(Path.Combine(AppContext.BaseDirectory, "MapReduceGen.Generator.dll")));
    }

    internal static string Metadata(string key) =>
        typeof(PackageReferenceTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == key).Value
        ?? throw new InvalidOperationException($"The build did not record {key}.");
}
