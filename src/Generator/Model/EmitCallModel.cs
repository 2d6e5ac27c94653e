namespace MapReduceGen.Generator.Model
{
    /// <summary>
    /// One <c>Emit</c> call in a job's own code that the generator intercepts, as plain equatable data: which overload it
    /// calls and where it is (the compiler's opaque location data).
    /// </summary>
    /// <param name="Kind">The overload, so the interceptor has the same signature.</param>
    /// <param name="LocationVersion">The <c>InterceptsLocation</c> version.</param>
    /// <param name="LocationData">The <c>InterceptsLocation</c> data (opaque, from the compiler).</param>
    /// <param name="DisplayLocation">Where the call is, for a comment a reader can follow (file, line, column).</param>
    internal sealed record EmitCallModel(EmitCallKind Kind, int LocationVersion, string LocationData, string DisplayLocation);
}
