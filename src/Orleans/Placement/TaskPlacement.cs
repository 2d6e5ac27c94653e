namespace MapReduceGen.Orleans.Placement;

/// <summary>
/// Where task grains go: a random compatible silo, except the silos the coordinator suspects (listed in the request
/// context under <see cref="TaskPlacementDirector.AvoidKey"/>), so a re-executed task does not land again on a silo
/// that just failed while Orleans' membership still counts it as active.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("MapReduceGen.Orleans.TaskPlacement")]
internal sealed class TaskPlacement : PlacementStrategy
{
    public static readonly TaskPlacement Instance = new();
}
