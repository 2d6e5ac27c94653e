using System.Collections.Immutable;

namespace MapReduceGen.Orleans.Tests.Infrastructure;

/// <summary>A membership view with fixed statuses, for the placement director.</summary>
public sealed class FixedMembership(IReadOnlyDictionary<SiloAddress, SiloStatus> statuses) : IClusterMembershipService
{
    public ClusterMembershipSnapshot CurrentSnapshot { get; } = new(
        statuses.ToImmutableDictionary(s => s.Key, s => new ClusterMember(s.Key, s.Value, s.Key.ToString())),
        new MembershipVersion(1));

    public IAsyncEnumerable<ClusterMembershipSnapshot> MembershipUpdates => throw new NotSupportedException();

    public ValueTask Refresh(MembershipVersion minimumVersion = default, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public Task<bool> TryKill(SiloAddress siloAddress) => Task.FromResult(false);
}
