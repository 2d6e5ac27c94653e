namespace MapReduceGen;

/// <summary>
/// A second mapper for a job over text lines that reads raw UTF-8: it is handed blocks of whole lines as bytes,
/// straight from the file buffer, so no line is decoded to UTF-16 or allocated as a string. Implement it on the
/// (non-static) job class next to the <c>[Mapper]</c>, with the same rules: the generator then adds <c>RunUtf8</c>
/// members that read text files and streams this way.
/// </summary>
/// <typeparam name="TKey">The job's key type.</typeparam>
/// <typeparam name="TValue">The job's value type.</typeparam>
public interface IUtf8TextMapper<TKey, TValue>
{
    /// <summary>
    /// Maps a block of one or more whole lines, each with its terminator (<c>\n</c>, <c>\r\n</c> or <c>\r</c>) except
    /// possibly the last line of a file. The bytes are not validated as UTF-8 and a byte order mark is never included.
    /// </summary>
    /// <param name="lines">The lines' bytes; valid only during the call.</param>
    /// <param name="emitter">Where the pairs go; for string keys, <see cref="EmitterExtensions.EmitUtf8{TValue}"/> takes the key as UTF-8 without decoding it.</param>
    static abstract void MapLines(ReadOnlySpan<byte> lines, Emitter<TKey, TValue> emitter);
}
