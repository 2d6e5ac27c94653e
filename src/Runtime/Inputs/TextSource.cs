using System.Buffers;

namespace MapReduceGen;

/// <summary>
/// The text input of a job: a list of files, resolved from files, directories (all files, recursively) and glob
/// patterns, that is cut into byte-range <see cref="TextSplit"/>s so that even a single large file is mapped by all
/// workers in parallel. Read the lines of a split with a <see cref="TextSplitReader"/>.
/// </summary>
public sealed class TextSource
{
    /// <summary>A split size that suits a local run: 32 MiB.</summary>
    public const long DefaultTargetSplitBytes = 32L * 1024 * 1024;

    private readonly string[] _files;
    private readonly long[] _lengths;

    private TextSource(Stream stream, string name)
    {
        _files = [name];
        _lengths = [stream.CanSeek ? Math.Max(0, stream.Length - stream.Position) : 0];
        TotalBytes = _lengths[0];
        Stream = stream;
        BrokenLinks = [];
    }

    private TextSource(List<string> files, List<string>? brokenLinks = null)
    {
        _files = [.. files];
        BrokenLinks = brokenLinks is null ? [] : [.. brokenLinks.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        _lengths = new long[_files.Length];
        for (int i = 0; i < _files.Length; i++)
        {
            _lengths[i] = GetLength(_files[i]);
            TotalBytes += _lengths[i];
        }
    }

    /// <summary>
    /// The stream of a source made by <see cref="FromStream(Stream, string)"/>, else <see langword="null"/>.
    /// </summary>
    public Stream? Stream { get; }

    /// <summary>
    /// A source that reads the lines of one stream (standard input, a network or decompression stream) from its
    /// current position to its end. A stream has no offsets to split at, so a single worker reads and maps it: use
    /// files to map one large input on every core. The stream is not disposed. Errors name
    /// <paramref name="name"/> and the 1-based line.
    /// </summary>
    /// <param name="stream">A readable stream of UTF-8 text.</param>
    /// <param name="name">What errors and <see cref="SplitStarted"/> call the stream (default <c>-</c>).</param>
    /// <returns>The source.</returns>
    public static TextSource FromStream(Stream stream, string name = "-")
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!stream.CanRead)
        {
            throw new ArgumentException("The stream is not readable.", nameof(stream));
        }

        return new TextSource(stream, name);
    }

    /// <summary>The input files in reading order.</summary>
    public IReadOnlyList<string> Files => _files;

    /// <summary>
    /// The length in bytes of each file in <see cref="Files"/>, taken when the source was created (for a symbolic link,
    /// the length of the file it points to). Each file is read up to this length, even if it grows meanwhile. A pipe,
    /// FIFO or character device has no meaningful length: 0 here, and it is read to its end as a stream; so is any file
    /// that reports length 0 (an empty file, a file of /proc or /sys).
    /// </summary>
    public IReadOnlyList<long> FileLengths => _lengths;

    /// <summary>
    /// Symbolic links met while expanding directories and glob patterns whose target does not exist (say an editor's
    /// lock file): they hold no data, so they are skipped, and listed here for a warning. A broken link named
    /// directly is an error instead.
    /// </summary>
    public IReadOnlyList<string> BrokenLinks { get; }

    /// <summary>
    /// The longest line, in UTF-16 characters, a reader of this source hands to a line mapper; 0 (the default) for the
    /// longest string .NET can hold. A longer line is an error naming its file and line, or a skipped bad record under
    /// <see cref="MapReduceOptions.MaxBadRecords"/>: a cap on the memory one line may take.
    /// </summary>
    public int MaxLineChars { get; set; }

    /// <summary>
    /// The longest line, in bytes, a block read of this source (a UTF-8 block mapper) holds; 0 (the default) for the
    /// largest array .NET can hold. A longer line is an error naming its file and line.
    /// </summary>
    public int MaxLineBytes { get; set; }

    /// <summary>The total length in bytes of all files.</summary>
    public long TotalBytes { get; }

    /// <summary>
    /// Called on a worker's thread when that worker starts reading a split, with the worker's index (from 0) and
    /// the split; for example to say which worker reads which file.
    /// </summary>
    public Action<int, TextSplit>? SplitStarted { get; set; }

    /// <summary>
    /// Called on a worker's thread, once per split, when the split held bytes that are not valid UTF-8 (they were
    /// decoded as U+FFFD), with the file's path.
    /// </summary>
    public Action<string>? InvalidUtf8Found { get; set; }

    /// <summary>
    /// The size of the byte ranges files are split into; <c>0</c> (the default) chooses one from the total size
    /// and the worker count (between 1 MiB and <see cref="DefaultTargetSplitBytes"/>).
    /// </summary>
    public long SplitBytes { get; set; }

    /// <summary>
    /// Resolves input paths. Each path is a file, a directory (all files below it, recursively, sorted ordinally;
    /// symbolic links to directories below it are not followed) or a glob pattern (<c>*</c> and <c>?</c> within a
    /// path segment, <c>**</c> for any number of directories; matches sorted ordinally; a matched directory gives all
    /// its files). Files keep the order of the paths; a file reached twice (by two paths, or through a symbolic link
    /// to it or to a directory above it) is read once. A symbolic link to a file is measured and read as that file.
    /// Broken symbolic links found inside directories and by patterns are skipped and listed in
    /// <see cref="BrokenLinks"/>; a broken link named directly is an error.
    /// </summary>
    /// <param name="paths">The files, directories and patterns.</param>
    /// <returns>The source.</returns>
    /// <exception cref="TextSourceException">
    /// A path does not exist, a pattern matches no file, a directory holds no file, a directory cannot be read, or a
    /// file found in a directory or by a pattern has a name that is not valid UTF-8 (which .NET cannot open).
    /// </exception>
    public static TextSource FromPaths(params string[] paths) => FromPaths((IEnumerable<string>)paths);

    /// <inheritdoc cref="FromPaths(string[])"/>
    public static TextSource FromPaths(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var files = new List<string>();
        var broken = new List<string>();
        var seen = new HashSet<string>(PathComparer);
        bool any = false;
        foreach (string path in paths)
        {
            any = true;
            foreach (string file in Resolve(path, broken))
            {
                if (seen.Add(RealPath(file)))
                {
                    files.Add(file);
                }
            }
        }

        if (!any)
        {
            throw new ArgumentException("No input paths were given.", nameof(paths));
        }

        return new TextSource(files, broken);
    }

    /// <summary>Creates a source of already resolved files, read in the given order.</summary>
    /// <param name="files">The files.</param>
    /// <returns>The source.</returns>
    /// <exception cref="TextSourceException">A file does not exist.</exception>
    public static TextSource FromFiles(params string[] files) => FromFiles((IEnumerable<string>)files);

    /// <inheritdoc cref="FromFiles(string[])"/>
    public static TextSource FromFiles(IEnumerable<string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var list = new List<string>(files);
        foreach (string file in list)
        {
            ArgumentException.ThrowIfNullOrEmpty(file, nameof(files));
        }

        return new TextSource(list);
    }

    /// <summary>
    /// Whether a file is read through gzip decompression: its name ends in <c>.gz</c> (in any case). Its lines are
    /// those of the text it holds (UTF-8, like any input), read from a file of one or several gzip members; a file
    /// that is not gzip, is truncated or corrupt (a member's CRC-32 or length does not match), or holds other data
    /// after its last member is an error naming the file and the line where reading stopped. Gzip data cannot be
    /// entered in the middle, so a compressed file is one split, read by one worker (many compressed files are read
    /// in parallel); <see cref="FileLengths"/> and <see cref="TotalBytes"/> count its compressed bytes.
    /// </summary>
    /// <param name="path">The file's path.</param>
    /// <returns>Whether the file is read as gzip.</returns>
    public static bool IsCompressed(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Cuts every file into byte ranges of about <paramref name="targetSplitBytes"/>: a file of length L gives
    /// ceil(L / target) splits of equal size (give or take a byte), so there is no tiny last split. A file no longer
    /// than the target is one split; an empty file gives one empty split, so that it still counts as read. A
    /// compressed file (<see cref="IsCompressed(string)"/>) is one split, whatever its length.
    /// </summary>
    /// <param name="targetSplitBytes">The wanted split size in bytes; positive.</param>
    /// <returns>The splits, file by file, in order of offset.</returns>
    public IReadOnlyList<TextSplit> CreateSplits(long targetSplitBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(targetSplitBytes);
        var splits = new List<TextSplit>();
        if (Stream is not null)
        {
            return [new TextSplit(0, _files[0], 0, _lengths[0]) { MaxLineChars = MaxLineChars, MaxLineBytes = MaxLineBytes }];
        }

        for (int i = 0; i < _files.Length; i++)
        {
            long length = _lengths[i];
            long count = IsCompressed(_files[i]) ? 1 : Math.Max(1, (length / targetSplitBytes) + (length % targetSplitBytes == 0 ? 0 : 1));
            long start = 0;
            for (long k = 1; k <= count; k++)
            {
                long end = (long)((Int128)length * k / count);
                splits.Add(new TextSplit(i, _files[i], start, end - start)
                {
                    FileLength = length,
                    MaxLineChars = MaxLineChars,
                    MaxLineBytes = MaxLineBytes,
                });
                start = end;
            }
        }

        return splits;
    }

    /// <summary>
    /// The 1-based number of the line that starts at byte <paramref name="lineStartOffset"/> of a file, found by
    /// streaming through the bytes before it and counting line terminators (<c>\n</c>, <c>\r\n</c> and a lone
    /// <c>\r</c>). It reads the file's prefix, so it is meant for error messages, not for every line.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="lineStartOffset">
    /// The byte offset of the line's start, as reported by <see cref="TextSplitReader.TryReadLine(out ReadOnlySpan{char}, out long)"/>.
    /// </param>
    /// <returns>The line number.</returns>
    public static long CountLineNumber(string path, long lineStartOffset)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentOutOfRangeException.ThrowIfNegative(lineStartOffset);
        using var handle = TextSplitReader.OpenFile(path);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(TextSplitReader.DefaultBufferSize);
        try
        {
            // A '\r' always ends a line; a '\n' ends one unless it completes "\r\n".
            long terminators = 0;
            long offset = 0;
            bool previousWasCr = false;
            while (offset < lineStartOffset)
            {
                int want = (int)Math.Min(buffer.Length, lineStartOffset - offset);
                int read = RandomAccess.Read(handle, buffer.AsSpan(0, want), offset);
                if (read <= 0)
                {
                    throw new ArgumentOutOfRangeException(
                        nameof(lineStartOffset), lineStartOffset, $"The offset is past the end of '{path}'.");
                }

                var span = buffer.AsSpan(0, read);
                terminators += span.Count((byte)'\r') + span.Count((byte)'\n') - span.Count("\r\n"u8);
                if (previousWasCr && span[0] == (byte)'\n')
                {
                    terminators--;
                }

                previousWasCr = span[^1] == (byte)'\r';
                offset += read;
            }

            return terminators + 1;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static StringComparer PathComparer =>
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    private static List<string> Resolve(string path, List<string> brokenLinks)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        try
        {
            if (File.Exists(path))
            {
                return [path];
            }

            if (Directory.Exists(path))
            {
                var files = new List<string>();
                GlobPattern.CollectFiles(path, files, brokenLinks);
                if (files.Count == 0)
                {
                    throw TextSourceException.For("directory contains no files", path);
                }

                files.Sort(StringComparer.Ordinal);
                return files;
            }

            if (GlobPattern.IsPattern(path))
            {
                var files = GlobPattern.Expand(path, brokenLinks);
                return files.Count != 0 ? files : throw TextSourceException.For("no files match the pattern", path);
            }
        }
        catch (Exception e) when (e is (IOException or UnauthorizedAccessException) and not TextSourceException)
        {
            throw TextSourceException.CannotRead(path, e);
        }

        throw TextSourceException.For("no such file or directory", path);
    }

    private static long GetLength(string file)
    {
        try
        {
            var info = new FileInfo(file);
            if (info.LinkTarget is { } linkTarget)
            {
                // FileInfo.Length of a link is the length of the link itself: measure the file it points to.
                if (!GlobPattern.LinkTargetExists(info))
                {
                    throw TextSourceException.For(
                        $"no such file or directory (a symbolic link to '{linkTarget}', which does not exist)", file);
                }

                if (Directory.Exists(file))
                {
                    throw TextSourceException.For("is a directory, not a file", file);
                }

                // A link under /proc to a pipe or socket (/dev/stdin of a pipe) names no file: it is read as a stream.
                return info.ResolveLinkTarget(returnFinalTarget: true) is FileInfo { Exists: true } target ? target.Length : 0;
            }

            if (info.Exists)
            {
                return info.Length;
            }

            throw Directory.Exists(file)
                ? TextSourceException.For("is a directory, not a file", file)
                : TextSourceException.For("no such file or directory", file);
        }
        catch (Exception e) when (e is (IOException or UnauthorizedAccessException) and not TextSourceException)
        {
            throw TextSourceException.CannotRead(file, e);
        }
    }

    /// <summary>
    /// The path with every symbolic link in it resolved, as <c>realpath(3)</c> gives it, so that a file reached
    /// through a link (to it, or to a directory above it) is recognised. Links whose target does not exist as a path
    /// (the magic links of /proc: <c>pipe:[123]</c>) are kept as they are.
    /// </summary>
    internal static string RealPath(string path)
    {
        string full = Path.GetFullPath(path);
        string root = Path.GetPathRoot(full) ?? string.Empty;
        char[] separators = [Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar];
        var pending = new Stack<string>(full[root.Length..].Split(separators, StringSplitOptions.RemoveEmptyEntries).Reverse());
        string current = root;
        int links = 0;
        while (pending.TryPop(out string? part))
        {
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }

            string next = Path.Join(current, part);
            string? target = new FileInfo(next).LinkTarget;
            string resolved = target is null ? next : Path.GetFullPath(target, current);
            if (target is null || ++links > 40 || !Path.Exists(resolved))
            {
                current = next;
                continue;
            }

            // Go on from the link's target: its own parts may be links too.
            string resolvedRoot = Path.GetPathRoot(resolved) ?? string.Empty;
            foreach (string piece in resolved[resolvedRoot.Length..].Split(separators, StringSplitOptions.RemoveEmptyEntries).Reverse())
            {
                pending.Push(piece);
            }

            current = resolvedRoot;
        }

        return current;
    }
}
