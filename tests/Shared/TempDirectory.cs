using System.Text;

namespace MapReduceGen.Tests.Shared;

/// <summary>
/// A fresh directory under the system temp folder, deleted with its contents on dispose (files a test made unreadable
/// with <c>chmod 000</c> included). One copy for every test project: each links this folder (see tests/Shared/README.md).
/// </summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory(string prefix = "mrg-tests-") => Path = Directory.CreateTempSubdirectory(prefix).FullName;

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Join([Path, .. parts]);

    public string WriteFile(string relativePath, byte[] content)
    {
        string path = Combine(relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return path;
    }

    /// <summary>Writes <paramref name="content"/> as UTF-8 without a byte order mark, line ends as given.</summary>
    public string WriteFile(string relativePath, string content) =>
        WriteFile(relativePath, new UTF8Encoding(false).GetBytes(content));

    /// <summary>Makes a FIFO (named pipe) in the directory with <c>mkfifo</c>; Unix only.</summary>
    public async Task<string> CreateFifoAsync(string name)
    {
        string fifo = Combine(name);
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [fifo]))
        {
            await mkfifo.WaitForExitAsync();
            if (mkfifo.ExitCode != 0)
            {
                throw new IOException($"mkfifo '{fifo}' exited with {mkfifo.ExitCode}");
            }
        }

        return fifo;
    }

    public void Dispose()
    {
        try
        {
            if (!OperatingSystem.IsWindows())
            {
                // Undo any chmod 000 so the directory can be removed.
                foreach (string directory in Directory.EnumerateDirectories(Path, "*", SearchOption.AllDirectories))
                {
                    File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                }

                foreach (string file in Directory.EnumerateFiles(Path, "*", SearchOption.AllDirectories))
                {
                    File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                }
            }

            Directory.Delete(Path, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left for the system's temp cleaning: a test's own failure says more than this one would.
        }
    }
}
