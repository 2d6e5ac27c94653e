using Orleans.Runtime.Placement;

namespace MapReduceGen.Orleans.Placement;

/// <summary>Picks a random compatible silo that the coordinator does not suspect (all of them if it suspects every one).</summary>
internal sealed class TaskPlacementDirector : IPlacementDirector
{
    /// <summary>The request context key of the suspected silos: their addresses, separated by <c>|</c>.</summary>
    public const string AvoidKey = "mapreducegen.avoid-silos";

    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        SiloAddress[] silos = context.GetCompatibleSilos(target);
        if (target.RequestContextData is { } data && data.TryGetValue(AvoidKey, out object? value) &&
            value is string avoid && avoid.Length > 0)
        {
            var suspects = avoid.Split('|');
            var trusted = Array.FindAll(silos, silo => Array.IndexOf(suspects, silo.ToString()) < 0);
            if (trusted.Length > 0)
            {
                silos = trusted;
            }
        }

#pragma warning disable CA5394 // placement, not security: a uniform pick is all that is needed
        return Task.FromResult(silos[Random.Shared.Next(silos.Length)]);
#pragma warning restore CA5394
    }
}
