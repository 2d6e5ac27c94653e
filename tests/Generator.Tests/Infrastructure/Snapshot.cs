using System.Runtime.CompilerServices;
using System.Text;
using MapReduceGen.Generator.Emitting;

namespace MapReduceGen.Generator.Tests.Infrastructure;

/// <summary>
/// Compares generated source with a checked-in snapshot under tests/Generator.Tests/Snapshots. On a difference it
/// writes NAME.received.g.cs beside the snapshot and fails with a line diff; set UPDATE_SNAPSHOTS=1 to accept.
/// The generator's version is replaced by a placeholder so a version bump does not change every snapshot.
/// </summary>
internal static class Snapshot
{
    public static void Verify(string name, string actual, [CallerFilePath] string callerPath = "")
    {
        string directory = Path.Combine(FindTestsDirectory(callerPath), "Snapshots");
        string expectedPath = Path.Combine(directory, name + ".g.cs");
        string receivedPath = Path.Combine(directory, name + ".received.g.cs");
        actual = actual.Replace("\"" + GeneratedCode.GeneratorVersion + "\"", "\"{version}\"", StringComparison.Ordinal);

        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(expectedPath, actual);
        }

        string? expected = File.Exists(expectedPath) ? File.ReadAllText(expectedPath) : null;
        if (expected == actual)
        {
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, actual);
        Assert.Fail(expected is null
            ? $"No snapshot {expectedPath}; the output is in {receivedPath} (rerun with UPDATE_SNAPSHOTS=1 to accept it)."
            : $"The generated source differs from {expectedPath} (received: {receivedPath}; UPDATE_SNAPSHOTS=1 accepts it):\n" + Diff(expected, actual));
    }

    private static string FindTestsDirectory(string callerPath)
    {
        for (string? directory = Path.GetDirectoryName(callerPath); directory is not null; directory = Path.GetDirectoryName(directory))
        {
            if (File.Exists(Path.Combine(directory, "Generator.Tests.csproj")))
            {
                return directory;
            }
        }

        throw new InvalidOperationException("Generator.Tests.csproj not found above " + callerPath);
    }

    /// <summary>A minimal line diff: the first differing region with some context, marked - (snapshot) and + (received).</summary>
    private static string Diff(string expected, string actual)
    {
        string[] left = expected.Split('\n');
        string[] right = actual.Split('\n');
        int start = 0;
        while (start < left.Length && start < right.Length && left[start] == right[start])
        {
            start++;
        }

        int leftEnd = left.Length - 1;
        int rightEnd = right.Length - 1;
        while (leftEnd >= start && rightEnd >= start && left[leftEnd] == right[rightEnd])
        {
            leftEnd--;
            rightEnd--;
        }

        var builder = new StringBuilder();
        for (int i = Math.Max(0, start - 3); i < start; i++)
        {
            builder.Append("  ").Append(i + 1).Append(": ").AppendLine(left[i]);
        }

        for (int i = start; i <= leftEnd; i++)
        {
            builder.Append("- ").Append(i + 1).Append(": ").AppendLine(left[i]);
        }

        for (int i = start; i <= rightEnd; i++)
        {
            builder.Append("+ ").Append(i + 1).Append(": ").AppendLine(right[i]);
        }

        return builder.ToString();
    }
}
