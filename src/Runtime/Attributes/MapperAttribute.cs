namespace MapReduceGen;

/// <summary>
/// Marks the static method of a <c>partial</c> job class that maps one input to key/value pairs.
/// </summary>
/// <remarks>
/// Two shapes are accepted:
/// <c>static void M(TInput input, Emitter&lt;TKey, TValue&gt; emit)</c> (pairs go straight into the worker's table) and
/// <c>static IEnumerable&lt;(TKey Key, TValue Value)&gt; M(TInput input)</c> (the pairs are returned).
/// The class must also hold exactly one <see cref="ReducerAttribute"/> method; the source generator then adds
/// <c>Run</c> and <c>RunAsync</c> to the class.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class MapperAttribute : Attribute
{
    /// <summary>
    /// Accepts a key type without value equality: a class that neither implements <see cref="IEquatable{T}"/> nor
    /// overrides <see cref="object.Equals(object)"/> and <see cref="object.GetHashCode"/>. Such keys are compared by
    /// reference, so two keys with the same contents are two different keys and are never grouped. Without this
    /// opt-in such a key type is compile-time error MRG0013. Default: <see langword="false"/>.
    /// </summary>
    public bool AllowReferenceEqualityKeys { get; set; }
}
