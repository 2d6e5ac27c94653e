namespace MapReduceGen.Orleans.Jobs;

/// <summary>The jobs registered on this silo, by name; built from every registered <see cref="IRegisteredJob"/>.</summary>
internal sealed class ClusterJobRegistry
{
    private readonly Dictionary<string, IRegisteredJob> _jobs = new(StringComparer.Ordinal);

    public ClusterJobRegistry(IEnumerable<IRegisteredJob> handlers)
    {
        foreach (var handler in handlers)
        {
            _jobs[handler.Name] = handler;
        }
    }

    public bool TryGet(string jobName, out IRegisteredJob handler) => _jobs.TryGetValue(jobName, out handler!);

    public string NotRegistered(string jobName, string silo) =>
        $"MapReduce job '{jobName}' is not registered on silo {silo}: call siloBuilder.AddMapReduceJob<...>() for it " +
        $"when the silo starts (registered here: {(_jobs.Count == 0 ? "none" : string.Join(", ", _jobs.Keys.Order(StringComparer.Ordinal)))}).";
}
