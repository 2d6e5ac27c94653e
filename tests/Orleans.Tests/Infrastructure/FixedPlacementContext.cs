using Orleans.Runtime.Placement;

namespace MapReduceGen.Orleans.Tests.Infrastructure;

/// <summary>A placement context whose compatible silos are a fixed list.</summary>
public sealed class FixedPlacementContext(SiloAddress[] silos) : IPlacementContext
{
    public SiloAddress LocalSilo => silos[0];

    public SiloStatus LocalSiloStatus => SiloStatus.Active;

    public SiloAddress[] GetCompatibleSilos(PlacementTarget target) => silos;

    public IReadOnlyDictionary<ushort, SiloAddress[]> GetCompatibleSilosWithVersions(PlacementTarget target) =>
        new Dictionary<ushort, SiloAddress[]> { [0] = silos };
}
