namespace MapReduceGen.Generator.Model
{
    /// <summary>A job's <c>[Reducer]</c>: how the job struct calls it (its shape is the job's <see cref="JobShape"/>).</summary>
    /// <param name="Name">The method's name.</param>
    /// <param name="Arguments">The extra arguments it takes after its required ones (see <see cref="MapperModel.Arguments"/>).</param>
    /// <param name="TakesList">Whether it takes the values as an <c>IReadOnlyList&lt;TValue&gt;</c> (otherwise a span, or none).</param>
    /// <param name="NullabilityDiffers">
    /// Whether its parameter or return types annotate nullability differently from the mappers' (the types are otherwise
    /// the same, as is the combiner's): the generated calls then use <c>!</c> so they raise no nullable warnings.
    /// </param>
    internal sealed record ReducerModel(string Name, string Arguments, bool TakesList, bool NullabilityDiffers);
}
