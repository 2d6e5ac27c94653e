using System.Globalization;
using Orleans.Runtime.Placement;

namespace MapReduceGen.Orleans.Placement;

/// <summary>
/// Picks a random compatible silo for a task's attempt: never one that Orleans' membership has declared dead (or that is
/// stopping), and not one the coordinator suspects while another is trusted. When the coordinator suspects every live
/// silo, it picks among those with the fewest failed attempts, so the silo that has just timed out once under load is
/// chosen over silos whose attempts keep failing (dead ones the membership has not declared yet).
/// </summary>
internal sealed class TaskPlacementDirector : IPlacementDirector
{
    /// <summary>
    /// The request context key of the suspected silos: their addresses, separated by <c>|</c>, each optionally followed
    /// by <c>=</c> and its count of failed attempts (1 when absent).
    /// </summary>
    public const string AvoidKey = "mapreducegen.avoid-silos";

    private readonly IClusterMembershipService? _membership;

    /// <summary>A director that knows only what the coordinator suspects (no membership: tests).</summary>
    public TaskPlacementDirector()
        : this(null)
    {
    }

    /// <summary>A director that also leaves out the silos <paramref name="membership"/> does not count as active.</summary>
    public TaskPlacementDirector(IClusterMembershipService? membership)
    {
        _membership = membership;
    }

    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        SiloAddress[] silos = Active(context.GetCompatibleSilos(target));
        if (target.RequestContextData is { } data && data.TryGetValue(AvoidKey, out object? value) &&
            value is string avoid && avoid.Length > 0)
        {
            Dictionary<string, int> failures = ParseSuspects(avoid);
            var trusted = Array.FindAll(silos, silo => !failures.ContainsKey(silo.ToString()));
            if (trusted.Length > 0)
            {
                silos = trusted;
            }
            else if (silos.Length > 1)
            {
                int fewest = silos.Min(silo => failures[silo.ToString()]);
                silos = Array.FindAll(silos, silo => failures[silo.ToString()] == fewest);
            }
        }

#pragma warning disable CA5394 // placement, not security: a uniform pick is all that is needed
        return Task.FromResult(silos[Random.Shared.Next(silos.Length)]);
#pragma warning restore CA5394
    }

    /// <summary>The suspected silos and their counts of failed attempts, from the request context's value.</summary>
    internal static Dictionary<string, int> ParseSuspects(string avoid)
    {
        var failures = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (string entry in avoid.Split('|', StringSplitOptions.RemoveEmptyEntries))
        {
            int equals = entry.LastIndexOf('=');
            int count = 1;
            if (equals > 0 && int.TryParse(entry.AsSpan(equals + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int parsed))
            {
                count = Math.Max(1, parsed);
            }

            string silo = equals > 0 ? entry[..equals] : entry;
            failures[silo] = Math.Max(count, failures.GetValueOrDefault(silo));
        }

        return failures;
    }

    // The compatible silos the membership counts as active: a silo it has declared dead (or that is shutting down or
    // stopping) is never chosen, even when every other silo is suspected. (Orleans' own list may lag its membership,
    // or come from a placement filter.) When the membership counts none of them as active, the list stays as it is.
    private SiloAddress[] Active(SiloAddress[] silos)
    {
        if (_membership?.CurrentSnapshot is not { } snapshot)
        {
            return silos;
        }

        var active = Array.FindAll(silos, silo => snapshot.GetSiloStatus(silo) == SiloStatus.Active);
        return active.Length > 0 ? active : silos;
    }
}
