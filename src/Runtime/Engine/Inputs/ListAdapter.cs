using System.Collections;

namespace MapReduceGen.Engine.Inputs;

/// <summary>Presents an <see cref="IList{T}"/> that is not an <see cref="IReadOnlyList{T}"/> as one.</summary>
internal sealed class ListAdapter<T>(IList<T> list) : IReadOnlyList<T>
{
    public T this[int index] => list[index];

    public int Count => list.Count;

    public IEnumerator<T> GetEnumerator() => list.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => list.GetEnumerator();
}
