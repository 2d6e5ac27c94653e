namespace MapReduceGen.Generator.Model
{
    /// <summary>
    /// One reducer shape of the engine, as a row of <see cref="JobShapes"/>: everything the emitters write differently
    /// for it. Type texts are templates over <c>{Job}</c> (the job struct), <c>{Input}</c> (the single mapper's input),
    /// <c>{Key}</c>, <c>{Value}</c> and <c>{Result}</c> (the result or record type), naming types of
    /// <c>MapReduceGen.Engine</c>.
    /// </summary>
    /// <param name="Kind">What the reducer does with a key's values.</param>
    /// <param name="Output">A result per key, or records.</param>
    /// <param name="Factory">The <c>JobDefinitions</c> factory that makes the job's definition, with its type arguments.</param>
    /// <param name="Combines">Whether values are combined as they are emitted: the job struct is an <c>ICombiner</c> (its
    /// fold reducer or its <c>[Combiner]</c>).</param>
    /// <param name="ReduceInterface">The job interface of the reduce member, or <see langword="null"/> (a fold).</param>
    /// <param name="ReduceMember">The reduce member the job struct writes.</param>
    /// <param name="MapSide">The map side: how an emitted value enters its key's slot (what <c>DirectEmit</c> is told).</param>
    /// <param name="Slot">What a key's slot holds on the map side.</param>
    /// <param name="Marker">The original (0.1.0) marker interface of a job of this shape with one mapper and no
    /// parameters, or <see langword="null"/>.</param>
    internal sealed record JobShape(
        ShapeKind Kind,
        JobOutputKind Output,
        string Factory,
        bool Combines,
        string? ReduceInterface,
        ReduceMember ReduceMember,
        string MapSide,
        string Slot,
        string? Marker);
}
