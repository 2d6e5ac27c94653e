using System.ComponentModel;
using System.Globalization;

namespace MapReduceGen.Engine;

/// <summary>
/// What one map task maps (made by <see cref="JobDefinition{TKey, TValue, TOutput}.SplitInput"/>): a byte range of a
/// text file that the task reads itself (<see cref="Split"/>), or a batch of in-memory inputs encoded by the backend's
/// <see cref="IPayloadCodec"/> (<see cref="Items"/>). A backend ships it to a worker as these properties and rebuilds it
/// there with <see cref="ForSplit"/> or <see cref="ForItems"/>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class MapTaskInput
{
    private MapTaskInput(int inputIndex, TextSplit? split, ReadOnlyMemory<byte> items, long firstItemIndex, int itemCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(inputIndex);
        ArgumentOutOfRangeException.ThrowIfNegative(firstItemIndex);
        InputIndex = inputIndex;
        Split = split;
        Items = items;
        FirstItemIndex = firstItemIndex;
        ItemCount = itemCount;
    }

    /// <summary>Which of the job's inputs (and so which mapper) the task maps: 0 for a job with one input.</summary>
    public int InputIndex { get; }

    /// <summary>The text split to read, or <see langword="null"/> for a batch of items.</summary>
    public TextSplit? Split { get; }

    /// <summary>The batch of inputs (an array of the mapper's input type, encoded by the payload codec); empty for a split.</summary>
    public ReadOnlyMemory<byte> Items { get; }

    /// <summary>The index of the batch's first input in the whole input (what failures and skipped records name).</summary>
    public long FirstItemIndex { get; }

    /// <summary>The number of inputs in the batch (0 for a split).</summary>
    public int ItemCount { get; }

    /// <summary>What the task maps, for logs: <c>inputs 0..99</c> or <c>path bytes 0..1048576</c>.</summary>
    public string Description => Split is { } split
        ? string.Create(CultureInfo.InvariantCulture, $"{split.Path} bytes {split.Start}..{split.End}")
        : string.Create(CultureInfo.InvariantCulture, $"inputs {FirstItemIndex}..{FirstItemIndex + ItemCount - 1}");

    /// <summary>A task that reads one split of text files.</summary>
    /// <param name="inputIndex">The job's input.</param>
    /// <param name="split">The split.</param>
    /// <returns>The task's input.</returns>
    public static MapTaskInput ForSplit(int inputIndex, TextSplit split)
    {
        ArgumentNullException.ThrowIfNull(split.Path);
        return new(inputIndex, split, ReadOnlyMemory<byte>.Empty, 0, 0);
    }

    /// <summary>A task that maps a batch of inputs.</summary>
    /// <param name="inputIndex">The job's input.</param>
    /// <param name="items">The inputs, an array encoded by the payload codec.</param>
    /// <param name="firstItemIndex">The index of the first one in the whole input.</param>
    /// <param name="itemCount">How many there are.</param>
    /// <returns>The task's input.</returns>
    public static MapTaskInput ForItems(int inputIndex, ReadOnlyMemory<byte> items, long firstItemIndex, int itemCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(itemCount);
        return new(inputIndex, null, items, firstItemIndex, itemCount);
    }
}
