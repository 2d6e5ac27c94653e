using MapReduceGen.Generator.Helpers;

namespace MapReduceGen.Generator.Model
{
    /// <summary>
    /// The codecs of a job's key, value and result (or record) types: what spill files, the cluster's shuffle and JSON Lines
    /// output write them with. Each role is a C# expression of a <c>ValueCodec</c>, evaluated once when the job's definition
    /// is made, or <see langword="null"/> when the runtime has the type built in (or the generator cannot write it).
    /// </summary>
    /// <param name="Key">The key codec, or <see langword="null"/>.</param>
    /// <param name="Value">The value codec, or <see langword="null"/>.</param>
    /// <param name="Result">The result or record codec, or <see langword="null"/>.</param>
    /// <param name="Classes">The codec classes written for the job's own types (records, tuples, classes and structs), each once.</param>
    internal sealed record JobCodecsModel(string? Key, string? Value, string? Result, EquatableArray<CodecClassModel> Classes)
    {
        public static readonly JobCodecsModel None = new JobCodecsModel(null, null, null, EquatableArray<CodecClassModel>.Empty);

        /// <summary>Whether the definition needs no codecs of its own (every type is built in or cannot be written).</summary>
        public bool IsEmpty => Key is null && Value is null && Result is null;
    }

    /// <summary>How a codec rebuilds a value it reads.</summary>
    internal enum CodecConstruction
    {
        /// <summary>Through the record's primary constructor (<c>new T(a, b)</c>), other settable members in an initializer.</summary>
        Constructor,

        /// <summary>Through the parameterless constructor and an object initializer (<c>new T { A = a, B = b }</c>).</summary>
        Initializer,

        /// <summary>As a tuple literal (<c>(a, b)</c>).</summary>
        Tuple,

        /// <summary>
        /// A sequence interface (<c>IReadOnlyList&lt;T&gt;</c>, <c>IEnumerable&lt;T&gt;</c>, ...): written as a list of its items and
        /// read back as a <c>List&lt;T&gt;</c>; the one member is the list's codec.
        /// </summary>
        Sequence,
    }

    /// <summary>One generated codec class: a record, tuple, class or struct written member by member.</summary>
    /// <param name="Name">The class's name (<c>PointCodec</c>).</param>
    /// <param name="Type">The type it writes, fully qualified, without nullable annotation.</param>
    /// <param name="Display">The type as its documentation names it.</param>
    /// <param name="Construction">How a value is rebuilt.</param>
    /// <param name="Members">Its members: those written and read back, and those written as JSON only (computed properties).</param>
    /// <param name="ConstructorArguments">The constructor's arguments (locals of <c>Read</c>), in parameter order.</param>
    internal sealed record CodecClassModel(
        string Name, string Type, string Display, CodecConstruction Construction, EquatableArray<CodecMemberModel> Members,
        EquatableArray<string> ConstructorArguments);

    /// <summary>One member of a codec class's type.</summary>
    /// <param name="Access">How it is read from a value (<c>value.{Access}</c>): its name, <c>@</c> before a keyword.</param>
    /// <param name="JsonName">Its JSON property name, as declared (or <c>Item1</c> for an unnamed tuple element).</param>
    /// <param name="Local">The local it is read into.</param>
    /// <param name="Type">Its type as declared, fully qualified, with nullable annotations.</param>
    /// <param name="Primitive">
    /// The <c>ValueWriter</c>/<c>ValueReader</c> method suffix of a built-in type written directly (<c>Double</c>:
    /// <c>WriteDouble</c>, <c>ReadDouble</c>, and <c>ValueCodecs.Double</c> for JSON), or <see langword="null"/>.
    /// </param>
    /// <param name="Field">The class's static field holding the member's codec when it is not a primitive (<c>CodecOfTags</c>).</param>
    /// <param name="FieldInitializer">The field's initializer.</param>
    /// <param name="ReadSuffix">What follows the read expression (<c>!</c> for a string read into a non-nullable member).</param>
    /// <param name="Binary">Whether it is written to bytes and read back (else a computed property, in JSON only).</param>
    /// <param name="Json">Whether it is written as JSON (public members).</param>
    /// <param name="Initialized">Whether <c>Read</c> sets it in an object initializer (not through the constructor).</param>
    internal sealed record CodecMemberModel(
        string Access, string JsonName, string Local, string Type, string? Primitive, string? Field, string? FieldInitializer, string ReadSuffix,
        bool Binary, bool Json, bool Initialized);
}
