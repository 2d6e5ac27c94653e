namespace MapReduceGen;

/// <summary>
/// Glob patterns over the file system: <c>*</c> matches any run of characters within one path segment, <c>?</c>
/// one character, and a segment that is exactly <c>**</c> any number (including zero) of directories. A directory
/// matched by the last segment gives all its files, recursively, like a directory path. Matching is ordinal,
/// ignoring case on Windows and macOS; <c>*</c> also matches names that start with a dot.
/// </summary>
internal static class GlobPattern
{
    private static readonly bool s_ignoreCase = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS();

    /// <summary>Whether <paramref name="path"/> contains a wildcard.</summary>
    public static bool IsPattern(string path) => path.AsSpan().IndexOfAny('*', '?') >= 0;

    /// <summary>
    /// The files that match <paramref name="pattern"/>, sorted ordinally, without duplicates. Paths keep the
    /// pattern's form: a relative pattern gives relative paths.
    /// </summary>
    public static List<string> Expand(string pattern, ICollection<string> brokenLinks)
    {
        string[] segments = pattern.Split(OperatingSystem.IsWindows() ? ['\\', '/'] : ['/']);
        int firstWild = Array.FindIndex(segments, static s => IsPattern(s));
        if (firstWild < 0)
        {
            return [];
        }

        // The literal prefix is the directory the walk starts in ("" is the current directory; "/" the root).
        string baseDir = string.Join(Path.DirectorySeparatorChar, segments, 0, firstWild);
        if (firstWild > 0 && baseDir.Length == 0)
        {
            baseDir = Path.DirectorySeparatorChar.ToString();
        }

        string[] rest = [.. segments.Skip(firstWild).Where(static s => s.Length > 0)];
        var found = new HashSet<string>(StringComparer.Ordinal);
        if (rest.Length > 0 && Directory.Exists(DirForEnumeration(baseDir)))
        {
            Walk(baseDir, rest, 0, found, brokenLinks);
        }

        var result = found.ToList();
        result.Sort(StringComparer.Ordinal);
        return result;
    }

    /// <summary>Whether the file or directory name <paramref name="name"/> matches the one-segment pattern.</summary>
    public static bool MatchSegment(ReadOnlySpan<char> name, ReadOnlySpan<char> pattern)
    {
        int n = 0, p = 0, starP = -1, starN = 0;
        while (n < name.Length)
        {
            if (p < pattern.Length && pattern[p] == '*')
            {
                starP = p++;
                starN = n;
            }
            else if (p < pattern.Length && (pattern[p] == '?' || CharEquals(pattern[p], name[n])))
            {
                n++;
                p++;
            }
            else if (starP >= 0)
            {
                // Let the last '*' swallow one more character and retry from there.
                p = starP + 1;
                n = ++starN;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }

    /// <summary>
    /// Adds every file under <paramref name="dir"/> (recursively) to <paramref name="into"/>. Symbolic links to
    /// directories below <paramref name="dir"/> are not followed, so link cycles cannot loop. Symbolic links whose
    /// target does not exist go to <paramref name="brokenLinks"/> instead.
    /// </summary>
    public static void CollectFiles(string dir, ICollection<string> into, ICollection<string> brokenLinks)
    {
        foreach (var entry in Entries(dir))
        {
            string path = Path.Join(dir, entry.Name);
            ThrowIfUnopenable(entry, path);
            if (entry is DirectoryInfo)
            {
                if (!IsLink(entry))
                {
                    CollectFiles(path, into, brokenLinks);
                }
            }
            else if (entry.Exists)
            {
                AddFile(entry, path, into, brokenLinks);
            }
        }
    }

    /// <summary>
    /// Whether the file a symbolic link points to exists (following every link in the chain). <see cref="File.Exists"/>
    /// says true for a broken link, as the link itself exists.
    /// </summary>
    public static bool LinkTargetExists(FileSystemInfo link)
    {
        if (OperatingSystem.IsWindows())
        {
            return link.ResolveLinkTarget(returnFinalTarget: true)?.Exists == true;
        }

        try
        {
            _ = File.GetUnixFileMode(link.FullName); // stat(2), which follows links
            return true;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return false;
        }
    }

    /// <summary>
    /// Throws for an entry whose name is not valid UTF-8: .NET reads such a name with U+FFFD in place of the bad bytes, so
    /// the path it gives names nothing and the file can be neither opened nor measured. Skipping it would drop its
    /// data without a word; the error names it, so it can be renamed.
    /// </summary>
    private static void ThrowIfUnopenable(FileSystemInfo entry, string path)
    {
        if (entry.Name.Contains('\uFFFD', StringComparison.Ordinal) && !File.Exists(path) && !Directory.Exists(path))
        {
            throw new TextSourceException(
                $"cannot read '{path}': its name is not valid UTF-8 (shown with U+FFFD for the bytes that are not), and .NET cannot open a file by such a name; rename it",
                path);
        }
    }

    private static void AddFile(FileSystemInfo entry, string path, ICollection<string> into, ICollection<string> brokenLinks)
    {
        if (IsLink(entry) && !LinkTargetExists(entry))
        {
            brokenLinks.Add(path);
        }
        else
        {
            into.Add(path);
        }
    }

    private static void Walk(string dir, string[] segments, int index, HashSet<string> found, ICollection<string> brokenLinks)
    {
        string segment = segments[index];
        bool last = index == segments.Length - 1;
        if (segment == "**")
        {
            if (last)
            {
                CollectFiles(dir, found, brokenLinks);
                return;
            }

            Walk(dir, segments, index + 1, found, brokenLinks); // "**" as zero directories
            foreach (var entry in Entries(dir))
            {
                if (entry is DirectoryInfo && !IsLink(entry))
                {
                    Walk(Path.Join(dir, entry.Name), segments, index, found, brokenLinks);
                }
            }

            return;
        }

        if (!IsPattern(segment))
        {
            string path = Path.Join(dir, segment);
            if (last)
            {
                if (File.Exists(path))
                {
                    AddFile(new FileInfo(path), path, found, brokenLinks);
                }
                else if (Directory.Exists(path))
                {
                    CollectFiles(path, found, brokenLinks);
                }
            }
            else if (Directory.Exists(path))
            {
                Walk(path, segments, index + 1, found, brokenLinks);
            }

            return;
        }

        foreach (var entry in Entries(dir))
        {
            if (!MatchSegment(entry.Name, segment))
            {
                continue;
            }

            string path = Path.Join(dir, entry.Name);
            ThrowIfUnopenable(entry, path);
            if (entry is DirectoryInfo)
            {
                if (!last)
                {
                    Walk(path, segments, index + 1, found, brokenLinks);
                }
                else if (!IsLink(entry))
                {
                    CollectFiles(path, found, brokenLinks); // a matched directory gives all its files, like a directory path
                }
            }
            else if (last && entry.Exists)
            {
                AddFile(entry, path, found, brokenLinks);
            }
        }
    }

    private static IEnumerable<FileSystemInfo> Entries(string dir) =>
        new DirectoryInfo(DirForEnumeration(dir)).EnumerateFileSystemInfos("*", s_enumeration);

    private static readonly EnumerationOptions s_enumeration = new()
    {
        RecurseSubdirectories = false,
        AttributesToSkip = 0,
        IgnoreInaccessible = false,
        MatchType = MatchType.Simple,
        ReturnSpecialDirectories = false,
    };

    private static string DirForEnumeration(string dir) => dir.Length == 0 ? "." : dir;

    private static bool IsLink(FileSystemInfo entry) => (entry.Attributes & FileAttributes.ReparsePoint) != 0;

    private static bool CharEquals(char a, char b) =>
        a == b || (s_ignoreCase && char.ToUpperInvariant(a) == char.ToUpperInvariant(b));
}
