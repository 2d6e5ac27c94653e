namespace MapReduceGen.Examples;

/// <summary>A point in the plane.</summary>
[GenerateSerializer]
public readonly record struct Point(double X, double Y)
{
    /// <summary>The squared distance to another point.</summary>
    public double DistanceSquared(Point other) => ((X - other.X) * (X - other.X)) + ((Y - other.Y) * (Y - other.Y));
}
