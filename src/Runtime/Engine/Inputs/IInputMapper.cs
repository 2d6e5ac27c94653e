namespace MapReduceGen.Engine.Inputs;

/// <summary>A map worker as the map phase drives it: whole chunks of inputs, or whole text splits.</summary>
internal interface IInputMapper<TInput>
{
    /// <summary>Maps a chunk; failures are recorded in the run state, never thrown.</summary>
    void MapChunk(ReadOnlySpan<TInput> chunk, long firstIndex);

    /// <summary>Maps every line the reader's split owns (only when the input type is <see cref="string"/>).</summary>
    void MapLines(TextSplitReader reader);
}
