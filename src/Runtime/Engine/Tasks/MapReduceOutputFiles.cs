using System.ComponentModel;
using System.Globalization;
using System.Text.RegularExpressions;

namespace MapReduceGen.Engine;

/// <summary>
/// The output committer of runs that write files (Hadoop's FileOutputCommitter, simplified): a run writes its partitions
/// into a work directory of its own inside the output directory (<see cref="Begin"/>, which also proves the directory
/// writable before any task runs); only when every partition is written does <see cref="Commit"/> remove the previous
/// run's <c>part-*</c> files and <c>_SUCCESS</c> marker, move the new files in and write <c>_SUCCESS</c> last. A run that
/// fails or is cancelled calls <see cref="Abort"/>: the work directory goes and the output directory is as it was. So a
/// reader that sees <c>_SUCCESS</c> sees one whole run's files and nothing else.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class MapReduceOutputFiles
{
    /// <summary>The folder, inside the output directory, that holds the work directories of runs under way.</summary>
    public const string WorkFolder = "_temporary";

    /// <summary>The marker of a committed output.</summary>
    public const string SuccessMarker = "_SUCCESS";

    /// <summary>The name of a partition's file.</summary>
    /// <param name="partition">The partition.</param>
    /// <param name="format">The format.</param>
    /// <returns>The file name, such as <c>part-00003.tsv</c>.</returns>
    public static string FileName(int partition, MapReduceFileFormat format) =>
        string.Create(CultureInfo.InvariantCulture, $"part-{partition:D5}{(format == MapReduceFileFormat.JsonLines ? ".jsonl" : ".tsv")}");

    /// <summary>
    /// Creates the output directory (if needed) and a work directory for one run inside it, proving both writable.
    /// </summary>
    /// <param name="directory">The output directory.</param>
    /// <param name="jobName">The job, for the error.</param>
    /// <returns>The full paths of the output directory and of the run's work directory.</returns>
    /// <exception cref="MapReduceException">The directory cannot be created or written (it names the path).</exception>
    public static (string Directory, string WorkDirectory) Begin(string directory, string jobName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        string full = Path.GetFullPath(directory);
        string work = Path.Combine(full, WorkFolder, Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(work);
            // Creating a directory can succeed where writing a file cannot (a read-only mount, no space): write one.
            string probe = Path.Combine(work, ".probe");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            TryDelete(work);
            throw MapReduceException.ForOutput(jobName, full, e);
        }

        return (full, work);
    }

    /// <summary>
    /// Moves a run's files into the output directory: the previous run's <c>_SUCCESS</c> and <c>part-*</c> files are
    /// removed first, then each new file is renamed into place (no copy: the work directory is inside the output
    /// directory), then <c>_SUCCESS</c> is written and the work directory removed.
    /// </summary>
    /// <param name="directory">The output directory.</param>
    /// <param name="workDirectory">The run's work directory.</param>
    /// <param name="files">The run's files in the work directory, one per partition.</param>
    /// <param name="jobName">The job, for the error.</param>
    /// <returns>The files at their final paths.</returns>
    /// <exception cref="MapReduceException">The files could not be moved (it names the path).</exception>
    public static IReadOnlyList<MapReduceOutputFile> Commit(
        string directory, string workDirectory, IReadOnlyList<MapReduceOutputFile> files, string jobName)
    {
        ArgumentNullException.ThrowIfNull(files);
        var committed = new MapReduceOutputFile[files.Count];
        try
        {
            File.Delete(Path.Combine(directory, SuccessMarker));
            foreach (string old in Directory.EnumerateFiles(directory))
            {
                if (PartFileName().IsMatch(Path.GetFileName(old)))
                {
                    File.Delete(old);
                }
            }

            for (int i = 0; i < files.Count; i++)
            {
                MapReduceOutputFile file = files[i];
                string final = Path.Combine(directory, Path.GetFileName(file.Path));
                File.Move(file.Path, final, overwrite: true);
                committed[i] = file with { Path = final };
            }

            File.WriteAllBytes(Path.Combine(directory, SuccessMarker), []);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw MapReduceException.ForOutput(jobName, directory, e);
        }
        finally
        {
            Abort(workDirectory);
        }

        return committed;
    }

    /// <summary>Removes a run's work directory (and the work folder when no other run uses it). Never throws.</summary>
    /// <param name="workDirectory">The run's work directory.</param>
    public static void Abort(string workDirectory)
    {
        TryDelete(workDirectory);
        string? folder = Path.GetDirectoryName(workDirectory);
        if (folder is not null && Path.GetFileName(folder) == WorkFolder)
        {
            try
            {
                Directory.Delete(folder);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Another run's work directory is still there, or the folder is gone already.
            }
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: a leftover work directory is ignored by readers (it is not a part-* file) and by later commits.
        }
    }

    [GeneratedRegex(@"^part-\d{5,}\.(tsv|jsonl)$", RegexOptions.CultureInvariant)]
    private static partial Regex PartFileName();
}
