using System.Diagnostics;

namespace MapReduceGen.Runtime.Tests.Support;

/// <summary>A tiny tmpfs mounted for a test, to fill a disk for real (needs root, which CI has).</summary>
internal static class SmallDisk
{
    public static bool TryMount(string path, string size) =>
        OperatingSystem.IsLinux() && Environment.UserName == "root" && Run("mount", "-t", "tmpfs", "-o", $"size={size}", "tmpfs", path);

    public static void Unmount(string path) => Run("umount", path);

    private static bool Run(string command, params string[] arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(command, arguments) { RedirectStandardError = true, RedirectStandardOutput = true })!;
            process.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
