using System.Collections.ObjectModel;

namespace MapReduceGen.Runtime.Tests.Support;

/// <summary>Presents the same inputs as an array, a List, a read-only list (not an IList) or a lazy iterator.</summary>
internal static class InputShapes
{
    public static readonly InputShape[] All = [InputShape.Array, InputShape.List, InputShape.ReadOnlyList, InputShape.Lazy];

    public static IEnumerable<T> As<T>(T[] items, InputShape shape) => shape switch
    {
        InputShape.Array => items,
        InputShape.List => new List<T>(items),
        InputShape.ReadOnlyList => new ReadOnlyOnlyList<T>(items),
        InputShape.Lazy => Lazy(items),
        _ => throw new ArgumentOutOfRangeException(nameof(shape)),
    };

    public static IEnumerable<T> Lazy<T>(IEnumerable<T> items)
    {
        foreach (T item in items)
        {
            yield return item;
        }
    }

    /// <summary>Implements IReadOnlyList only (no IList, no ICollection), like many custom collections.</summary>
    private sealed class ReadOnlyOnlyList<T>(T[] items) : IReadOnlyList<T>
    {
        private readonly ReadOnlyCollection<T> _items = new(items);

        public int Count => _items.Count;

        public T this[int index] => _items[index];

        public IEnumerator<T> GetEnumerator() => _items.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
