namespace MapReduceGen.Engine.Inputs;

/// <summary>Hands a worker blocks of whole UTF-8 lines: a text split's reader, or a share of a stream.</summary>
internal interface IUtf8LineBlocks
{
    /// <summary>The file's path, or the stream's name, for messages.</summary>
    string Path { get; }

    /// <summary>Whether <see cref="Path"/> is a file that can be reread to count line numbers.</summary>
    bool IsFile { get; }

    /// <summary>The bytes consumed so far, for progress.</summary>
    long BytesConsumed { get; }

    /// <summary>Reads the next block of whole lines; see <see cref="TextSplitReader.TryReadLines"/>.</summary>
    bool TryReadLines(out ReadOnlySpan<byte> lines, out long blockStartOffset);
}
