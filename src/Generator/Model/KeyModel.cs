namespace MapReduceGen.Generator.Model
{
    /// <summary>A job's key type and the code the job struct uses to hash, compare and order it.</summary>
    /// <param name="Type">The key type, fully qualified.</param>
    /// <param name="IsString">Whether it is <see cref="string"/> (kept as UTF-8; span and UTF-8 keys accepted).</param>
    /// <param name="HashExpression">The body of <c>GetKeyHash</c>: an expression over the parameter <c>key</c>.</param>
    /// <param name="KeyedHashExpression">
    /// The body of <c>GetKeyedHash</c> (an expression over <c>key</c>) for tuple, record and nullable keys, member by
    /// member; <see langword="null"/> when the engine's default keyed hash serves the key.
    /// </param>
    /// <param name="EqualityExpression">The body of <c>KeysEqual</c>: an expression over <c>left</c> and <c>right</c>.</param>
    /// <param name="CompareExpression">
    /// The body of <c>CompareKeys</c> (an expression over <c>left</c> and <c>right</c>, with a local <c>int order</c>) when the
    /// key type has no order of its own the engine can use (tuples and records: member by member), or <see langword="null"/>.
    /// </param>
    internal sealed record KeyModel(string Type, bool IsString, string HashExpression, string? KeyedHashExpression, string EqualityExpression, string? CompareExpression);
}
