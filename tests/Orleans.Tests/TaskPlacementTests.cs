using System.Net;
using MapReduceGen.Orleans.Coordinator;
using MapReduceGen.Orleans.Placement;
using MapReduceGen.Orleans.Tests.Infrastructure;
using Orleans.Runtime.Placement;

namespace MapReduceGen.Orleans.Tests;

/// <summary>
/// Re-executed tasks are placed away from the silos the coordinator suspects, never on a silo the membership has declared
/// dead, and, when every live silo is suspected, on the one with the fewest failed attempts.
/// </summary>
public sealed class TaskPlacementTests
{
    private static readonly SiloAddress[] Silos =
    [
        SiloAddress.New(new IPEndPoint(IPAddress.Loopback, 11111), 1),
        SiloAddress.New(new IPEndPoint(IPAddress.Loopback, 11112), 1),
        SiloAddress.New(new IPEndPoint(IPAddress.Loopback, 11113), 1),
    ];

    [Fact]
    public void A_silo_that_refused_an_attempt_s_connection_is_named_in_the_same_form_placement_compares()
    {
        // An attempt whose first call fails never learns where it was placed; Orleans names the silo only in the
        // message. The coordinator suspects it in SiloAddress.ToString() form, which the placement director compares.
        SiloAddress dead = Silos[1];
        var error = new InvalidOperationException(
            "Exception while sending message",
            new IOException($"Unable to connect to {dead}, will retry after 505.8451ms"));

        Assert.Equal(dead.ToString(), ClusterCoordinator.SiloNamedIn(error));
        Assert.Null(ClusterCoordinator.SiloNamedIn(new TimeoutException("The task did not answer in time.")));
    }

    [Fact]
    public async Task Suspected_silos_are_never_chosen_while_another_silo_is_trusted()
    {
        var director = new TaskPlacementDirector();
        var target = Target($"{Silos[0]}|{Silos[2]}");

        for (int i = 0; i < 50; i++)
        {
            Assert.Equal(Silos[1], await director.OnAddActivation(TaskPlacement.Instance, target, new FixedPlacementContext(Silos)));
        }
    }

    [Fact]
    public async Task Without_suspects_or_when_all_are_suspected_every_silo_is_used()
    {
        var director = new TaskPlacementDirector();
        foreach (var target in new[] { Target(null), Target(string.Join('|', Silos.Select(s => s.ToString()))) })
        {
            var chosen = new HashSet<SiloAddress>();
            for (int i = 0; i < 200; i++)
            {
                chosen.Add(await director.OnAddActivation(TaskPlacement.Instance, target, new FixedPlacementContext(Silos)));
            }

            Assert.Equal(3, chosen.Count);
        }
    }

    [Fact]
    public async Task A_silo_the_membership_has_declared_dead_is_never_chosen_even_when_all_others_are_suspected()
    {
        var membership = new FixedMembership(new Dictionary<SiloAddress, SiloStatus>
        {
            [Silos[0]] = SiloStatus.Active,
            [Silos[1]] = SiloStatus.Dead,
            [Silos[2]] = SiloStatus.Active,
        });
        var director = new TaskPlacementDirector(membership);

        // Orleans' own list may still hold the dead silo; the coordinator suspects every silo (all three timed out).
        foreach (var target in new[] { Target(null), Target(string.Join('|', Silos.Select(s => s.ToString()))) })
        {
            var chosen = new HashSet<SiloAddress>();
            for (int i = 0; i < 200; i++)
            {
                chosen.Add(await director.OnAddActivation(TaskPlacement.Instance, target, new FixedPlacementContext(Silos)));
            }

            Assert.Equal([Silos[0], Silos[2]], chosen.OrderBy(s => s.Endpoint.Port));
        }
    }

    [Fact]
    public async Task When_every_silo_is_suspected_the_one_with_the_fewest_failed_attempts_is_chosen()
    {
        // Two silos died (every attempt placed on them failed) but the membership has not declared them dead yet; the
        // live one timed out once under load.
        var director = new TaskPlacementDirector();
        var target = Target($"{Silos[0]}=7|{Silos[1]}=1|{Silos[2]}=5");

        for (int i = 0; i < 50; i++)
        {
            Assert.Equal(Silos[1], await director.OnAddActivation(TaskPlacement.Instance, target, new FixedPlacementContext(Silos)));
        }
    }

    private static PlacementTarget Target(string? avoid) =>
        new(
            GrainId.Create("test", "task"),
            avoid is null ? [] : new Dictionary<string, object> { [TaskPlacementDirector.AvoidKey] = avoid },
            default,
            0);
}
