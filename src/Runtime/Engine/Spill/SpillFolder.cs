using System.Diagnostics;
using System.Globalization;

namespace MapReduceGen.Engine.Spill;

/// <summary>
/// The folder of one run's spill files, <c>mapreducegen-spill-&lt;pid&gt;-&lt;id&gt;</c> inside the spill directory
/// (<see cref="MapReduceOptions.SpillDirectory"/>, else the system's temporary folder): created at the first spill,
/// removed with everything in it when the run ends, whatever the outcome. Folders left by a process that died are removed
/// by the next run that spills into the same directory.
/// </summary>
internal sealed class SpillFolder : IDisposable
{
    private const string Prefix = "mapreducegen-spill-";
    private int _files;

    private SpillFolder(string path)
    {
        Path = path;
    }

    public string Path { get; }

    /// <summary>Creates a run's folder (and removes the folders of dead processes).</summary>
    /// <exception cref="MapReduceException">The spill directory cannot be created or written.</exception>
    public static SpillFolder Create(string? spillDirectory, string jobName)
    {
        string root = System.IO.Path.GetFullPath(spillDirectory ?? System.IO.Path.GetTempPath());
        string path = System.IO.Path.Combine(root, string.Create(CultureInfo.InvariantCulture, $"{Prefix}{Environment.ProcessId}-{Guid.NewGuid():N}"));
        try
        {
            Directory.CreateDirectory(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw MapReduceException.ForSpill(jobName, path, e);
        }

        RemoveStale(root);
        return new SpillFolder(path);
    }

    /// <summary>The path of a new file in the folder.</summary>
    public string NewFile(string kind) =>
        System.IO.Path.Combine(Path, string.Create(CultureInfo.InvariantCulture, $"{kind}-{Interlocked.Increment(ref _files):D6}.run"));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: a folder that cannot be removed now is removed by a later run (its process will be gone).
        }
    }

    // Folders of processes that no longer run (killed mid-run): nothing else will remove them.
    private static void RemoveStale(string root)
    {
        try
        {
            foreach (string folder in Directory.EnumerateDirectories(root, Prefix + "*"))
            {
                string name = System.IO.Path.GetFileName(folder);
                int dash = name.IndexOf('-', Prefix.Length);
                if (dash > Prefix.Length
                    && int.TryParse(name.AsSpan(Prefix.Length, dash - Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out int pid)
                    && pid != Environment.ProcessId
                    && !IsRunning(pid))
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Another run is removing it too, or it is not ours to remove.
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }
}
