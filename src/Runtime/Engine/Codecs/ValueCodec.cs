using System.ComponentModel;
using System.Text.Json;

namespace MapReduceGen.Engine;

/// <summary>
/// Writes values of one type as bytes and reads them back (spill files, the cluster's shuffle), and writes them as JSON
/// (JSON Lines output files). The generator writes one for each key, value and result type of a job that it can write
/// member by member (<see cref="ValueCodecs"/> has the built-in types and the compositions it uses), so no reflection is
/// needed and Native AOT stays clean. A type it cannot write has no codec: the job then cannot spill to disk.
/// </summary>
/// <typeparam name="T">The type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class ValueCodec<T>
{
    /// <summary>Writes <paramref name="value"/> at the end of <paramref name="writer"/>.</summary>
    /// <param name="writer">The output.</param>
    /// <param name="value">The value.</param>
    public abstract void Write(ValueWriter writer, T value);

    /// <summary>Reads a value written by <see cref="Write"/>.</summary>
    /// <param name="reader">The input, positioned at the value; left after it.</param>
    /// <returns>The value.</returns>
    /// <exception cref="InvalidDataException">The bytes end early or do not hold a value of this type.</exception>
    public abstract T Read(ref ValueReader reader);

    /// <summary>Writes <paramref name="value"/> as one JSON value.</summary>
    /// <param name="writer">The JSON output.</param>
    /// <param name="value">The value.</param>
    public abstract void WriteJson(Utf8JsonWriter writer, T value);
}
