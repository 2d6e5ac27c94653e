namespace MapReduceGen.Engine.Inputs;

/// <summary>A run of consecutive inputs handed to one worker.</summary>
internal readonly struct InputChunk<TInput>(TInput[] array, int offset, int length, long firstIndex)
{
    public ReadOnlySpan<TInput> Span => array.AsSpan(offset, length);

    /// <summary>The index of the chunk's first input in the whole source.</summary>
    public long FirstIndex => firstIndex;
}
