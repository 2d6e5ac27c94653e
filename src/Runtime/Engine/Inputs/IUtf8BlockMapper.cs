namespace MapReduceGen.Engine.Inputs;

/// <summary>A map worker that can map raw UTF-8 blocks of lines with a job's <see cref="IUtf8TextMapper{TKey, TValue}"/>.</summary>
internal interface IUtf8BlockMapper<TKey, TValue>
{
    /// <summary>Maps every block the reader returns; failures are recorded in the run state, never thrown.</summary>
    void MapUtf8Lines<TMapper, TBlocks>(TBlocks blocks)
        where TMapper : IUtf8TextMapper<TKey, TValue>
        where TBlocks : IUtf8LineBlocks;
}
