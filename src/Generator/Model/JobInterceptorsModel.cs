using MapReduceGen.Generator.Helpers;

namespace MapReduceGen.Generator.Model
{
    /// <summary>The intercepted <c>Emit</c> calls of one job, written to one file.</summary>
    internal sealed record JobInterceptorsModel(string HintName, string JobName, EquatableArray<EmitCallModel> Calls);
}
