using System.ComponentModel;
using System.Text.Json;

namespace MapReduceGen.Engine;

/// <summary>
/// A backend's serializer, for what the engine cannot write itself: a run's parameters, batches of in-memory inputs,
/// and the keys, values and results of types that have no generated <see cref="ValueCodec{T}"/>. The Orleans backend
/// implements it with Orleans' serializer; an in-process backend can use any serializer that round-trips its types.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IPayloadCodec
{
    /// <summary>Encodes a value.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="value">The value.</param>
    /// <returns>Its bytes.</returns>
    byte[] Encode<T>(T value);

    /// <summary>Decodes a value encoded by <see cref="Encode{T}"/>.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="data">The bytes.</param>
    /// <returns>The value.</returns>
    T Decode<T>(ReadOnlyMemory<byte> data);

    /// <summary>
    /// Writes a value as JSON when its type has no generated <see cref="ValueCodec{T}"/> (JSON Lines output files). The
    /// default says it cannot; a backend whose serializer can write any type (by reflection, where that is allowed)
    /// overrides it.
    /// </summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="writer">The JSON output.</param>
    /// <param name="value">The value.</param>
    /// <exception cref="NotSupportedException">The backend cannot write the type as JSON.</exception>
    void WriteJson<T>(Utf8JsonWriter writer, T value) =>
        throw new NotSupportedException(
            $"Values of type {typeof(T)} cannot be written as JSON: the type has no generated codec (see docs/api.md) and the backend writes no JSON of its own.");
}
