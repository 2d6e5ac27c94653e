using MapReduceGen.Engine;
using Orleans.Serialization;

namespace MapReduceGen.Orleans.Jobs;

/// <summary>
/// Checks, before any task runs, that Orleans can serialize every type of a job that goes through its serializer: the
/// inputs of in-memory inputs, the parameters, and key, value and result types that have no generated codec.
/// </summary>
internal static class JobTypeCheck
{
    /// <summary>Returns a message naming the first type that cannot be serialized, or <see langword="null"/>.</summary>
    public static string? Describe<TKey, TValue, TOutput>(Serializer serializer, JobDefinition<TKey, TValue, TOutput> job, bool textInput)
    {
        var roles = new List<(string Role, Type Type)>();
        if (!textInput)
        {
            roles.AddRange(job.InputTypes.Where(t => t != typeof(string)).Select(t => ("input", t)));
        }

        if (job.ParametersType is { } parameters)
        {
            roles.Add(("parameters", parameters));
        }

        roles.AddRange(job.TypesWithoutCodec.Select(t => (t == typeof(TKey) ? "key" : t == typeof(TValue) ? "value" : "result", t)));
        foreach (var (role, type) in roles)
        {
            if (!serializer.CanSerialize(type))
            {
                return $"MapReduce job '{job.Name}' cannot run on the cluster: its {role} type '{type.FullName}' cannot be " +
                       "serialized by Orleans. Mark the type [GenerateSerializer] (with [Id(n)] on its members, or use a " +
                       "positional record) in a project that references Microsoft.Orleans.Sdk, or register a codec for it " +
                       "(for example services.AddSerializer(s => s.AddJsonSerializer(t => t == typeof(...)))) on the silos " +
                       "and the client. See docs/distributed.md.";
            }
        }

        return null;
    }
}
