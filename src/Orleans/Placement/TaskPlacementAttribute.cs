using Orleans.Placement;

namespace MapReduceGen.Orleans.Placement;

/// <summary>Places a grain class with <see cref="TaskPlacement"/>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
internal sealed class TaskPlacementAttribute : PlacementAttribute
{
    public TaskPlacementAttribute()
        : base(TaskPlacement.Instance)
    {
    }
}
