using MapReduceGen.Generator.Helpers;

namespace MapReduceGen.Generator.Model
{
    /// <summary>The intercepted <c>Emit</c> calls of one job, written to one file.</summary>
    /// <param name="HintName">The file's name.</param>
    /// <param name="JobName">The job's display name.</param>
    /// <param name="JobStruct">The fully qualified generated job struct (<c>global::Ns.Job.MapReduceJob</c>).</param>
    /// <param name="KeyType">The job's key type.</param>
    /// <param name="ValueType">The job's value type.</param>
    /// <param name="Shape">The job's shape, whose map side names the sink the calls go to.</param>
    /// <param name="Calls">The calls, in source order.</param>
    internal sealed record JobInterceptorsModel(
        string HintName, string JobName, string JobStruct, string KeyType, string ValueType, JobShape Shape, EquatableArray<EmitCallModel> Calls);
}
