using System.Globalization;

namespace ClusterDemo;

/// <summary>The demo's command line: a command (<c>silo</c> or <c>client</c>), <c>--name value</c> options, paths.</summary>
internal sealed class DemoArguments
{
    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    private DemoArguments(string command) => Command = command;

    public string Command { get; }

    public List<string> Paths { get; } = [];

    public static DemoArguments Parse(string[] args)
    {
        if (args.Length == 0)
        {
            throw new ArgumentException("usage: ClusterDemo silo|client [options] [PATH...] (see scripts/cluster-demo.sh)");
        }

        var parsed = new DemoArguments(args[0]);
        for (int i = 1; i < args.Length; i++)
        {
            string arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                parsed.Paths.Add(arg);
            }
            else if (arg is "--verify" or "--measure" or "--log")
            {
                parsed._flags.Add(arg);
            }
            else if (i + 1 < args.Length)
            {
                parsed._options[arg] = args[++i];
            }
            else
            {
                throw new ArgumentException($"option {arg} needs a value");
            }
        }

        return parsed;
    }

    public bool Has(string flag) => _flags.Contains(flag);

    public int Int(string name, int fallback) =>
        _options.TryGetValue(name, out string? value) ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    public long Long(string name, long fallback) =>
        _options.TryGetValue(name, out string? value) ? long.Parse(value, CultureInfo.InvariantCulture) : fallback;

    public int[] Ints(string name) =>
        _options.TryGetValue(name, out string? value)
            ? value.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToArray()
            : throw new ArgumentException($"option {name} is required");
}
