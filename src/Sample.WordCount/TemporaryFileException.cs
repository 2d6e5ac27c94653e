namespace Sample.WordCount;

/// <summary>
/// The temporary file <see cref="CountOrderSorter"/> keeps sorted runs in could not be created, written or read back (a
/// full disk, an unwritable temporary folder): the message names the file.
/// </summary>
internal sealed class TemporaryFileException(string path, Exception innerException)
    : IOException($"cannot use the temporary file '{path}': {innerException.Message}", innerException)
{
    /// <summary>The temporary file.</summary>
    public string Path { get; } = path;
}
