namespace MapReduceGen.Runtime.Tests.Jobs;

/// <summary>A key type with hand-written value equality (IEquatable), not a record.</summary>
internal readonly struct Point(int x, int y) : IEquatable<Point>
{
    public int X { get; } = x;

    public int Y { get; } = y;

    public bool Equals(Point other) => X == other.X && Y == other.Y;

    public override bool Equals(object? obj) => obj is Point other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(X, Y);

    public override string ToString() => $"({X}, {Y})";
}
