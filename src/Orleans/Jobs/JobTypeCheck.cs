using Orleans.Serialization;

namespace MapReduceGen.Orleans.Jobs;

/// <summary>Checks, before any task runs, that Orleans can serialize every type of a job that crosses the wire.</summary>
internal static class JobTypeCheck
{
    /// <summary>Returns a message naming the first type that cannot be serialized, or <see langword="null"/>.</summary>
    public static string? Describe(Serializer serializer, string jobName, Type? input, Type key, Type value, Type result) =>
        Describe(serializer, jobName, input is null ? [] : [input], key, value, result, null);

    /// <summary>Returns a message naming the first type that cannot be serialized, or <see langword="null"/>.</summary>
    public static string? Describe(
        Serializer serializer, string jobName, IEnumerable<Type> inputs, Type key, Type value, Type result, Type? parameters)
    {
        var roles = inputs.Select(type => ("input", (Type?)type))
            .Concat([("key", key), ("value", value), ("result", result), ("parameters", parameters)]);
        foreach (var (role, type) in roles)
        {
            if (type is not null && !serializer.CanSerialize(type))
            {
                return $"MapReduce job '{jobName}' cannot run on the cluster: its {role} type '{type.FullName}' cannot be " +
                       "serialized by Orleans. Mark the type [GenerateSerializer] (with [Id(n)] on its members, or use a " +
                       "positional record) in a project that references Microsoft.Orleans.Sdk, or register a codec for it " +
                       "(for example services.AddSerializer(s => s.AddJsonSerializer(t => t == typeof(...)))) on the silos " +
                       "and the client. See docs/distributed.md.";
            }
        }

        return null;
    }
}
