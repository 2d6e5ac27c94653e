namespace MapReduceGen;

/// <summary>
/// Named counters a mapper or reducer increments (Hadoop's counters): take a <see cref="Counters"/> parameter after the
/// method's other parameters and call <see cref="Increment(string)"/>. Each map task and each reduce task counts in its
/// own instance (no locks, no contention); the run sums them across workers (and silos) into
/// <see cref="MapReduceStatistics.Counters"/>.
/// </summary>
/// <remarks>
/// Not thread-safe: an instance belongs to the task that received it. Counts of a cluster task that is re-executed are
/// taken from the accepted attempt only, so they are exact; an input skipped as a bad record keeps what it counted
/// before it threw.
/// </remarks>
public sealed class Counters
{
    private readonly Dictionary<string, long> _values = new(StringComparer.Ordinal);

    /// <summary>The value of a counter in this instance (0 when it was never incremented).</summary>
    /// <param name="name">The counter's name.</param>
    public long this[string name] => _values.TryGetValue(name, out long value) ? value : 0;

    /// <summary>Adds one to the counter <paramref name="name"/>.</summary>
    /// <param name="name">The counter's name (compared ordinally).</param>
    public void Increment(string name) => Increment(name, 1);

    /// <summary>Adds <paramref name="amount"/> to the counter <paramref name="name"/>.</summary>
    /// <param name="name">The counter's name (compared ordinally).</param>
    /// <param name="amount">The amount (may be negative).</param>
    public void Increment(string name, long amount)
    {
        ArgumentNullException.ThrowIfNull(name);
        ref long value = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_values, name, out _);
        value += amount;
    }

    /// <summary>The counters of this instance.</summary>
    /// <returns>A copy of every counter and its value.</returns>
    public IReadOnlyDictionary<string, long> ToDictionary() => new Dictionary<string, long>(_values, StringComparer.Ordinal);

    internal int Count => _values.Count;

    /// <summary>Adds every counter of this instance to <paramref name="totals"/>.</summary>
    internal void AddTo(Dictionary<string, long> totals)
    {
        foreach (KeyValuePair<string, long> pair in _values)
        {
            ref long value = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(totals, pair.Key, out _);
            value += pair.Value;
        }
    }

    /// <summary>Adds counters from another executor (a silo's task) to <paramref name="totals"/>.</summary>
    internal static void AddTo(Dictionary<string, long> totals, IEnumerable<KeyValuePair<string, long>>? counters)
    {
        if (counters is null)
        {
            return;
        }

        foreach (KeyValuePair<string, long> pair in counters)
        {
            ref long value = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(totals, pair.Key, out _);
            value += pair.Value;
        }
    }
}
