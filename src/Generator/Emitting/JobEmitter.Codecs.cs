using System.Linq;
using MapReduceGen.Generator.Helpers;
using MapReduceGen.Generator.Model;

namespace MapReduceGen.Generator.Emitting
{
    /// <summary>
    /// The job's codecs: one class per record, tuple, class or struct among its key, value and result types (and their
    /// members), writing it member by member to bytes (spill files, the cluster's shuffle) and as a JSON object (JSON Lines
    /// output), and reading it back through its constructor or an object initializer. No reflection: Native AOT stays clean.
    /// </summary>
    internal static partial class JobEmitter
    {
        private const string ValueCodecType = Engine + "ValueCodec";

        /// <summary>
        /// The definition's codecs argument (its lines), or null when every type is built in (or cannot be written). Inside the
        /// job struct its codec classes need no qualification (their static fields qualify them: a member named like a
        /// class would hide it).
        /// </summary>
        private static string? CodecsArgument(JobModel job)
        {
            if (job.Codecs.IsEmpty)
            {
                return null;
            }

            string qualifier = Parsing.CodecPlanner.JobStructPlaceholder + ".";
            string Argument(string? codec) => codec?.Replace(qualifier, "") ?? "null";
            return $"""
                new {Engine}JobCodecs<{job.Key.Type}, {job.ValueType}, {job.ResultType}>(
                    key: {Argument(job.Codecs.Key)},
                    value: {Argument(job.Codecs.Value)},
                    result: {Argument(job.Codecs.Result)})
                """;
        }

        private static void WriteCodecClasses(SourceWriter writer, JobModel job)
        {
            string jobStruct = GeneratedCode.JobStruct(job);
            foreach (CodecClassModel codec in job.Codecs.Classes)
            {
                writer.WriteLine();
                WriteCodecClass(writer, codec, jobStruct);
            }
        }

        /// <summary>
        /// A codec expression inside a codec class: other codec classes named through the job struct (a static field named
        /// like a class, for a member named like its type, would hide the class).
        /// </summary>
        private static string Qualified(string codec, string jobStruct) => codec.Replace(Parsing.CodecPlanner.JobStructPlaceholder, jobStruct);

        private static void WriteCodecClass(SourceWriter writer, CodecClassModel codec, string jobStruct)
        {
            if (codec.Construction == CodecConstruction.Sequence)
            {
                WriteSequenceCodecClass(writer, codec, jobStruct);
                return;
            }

            string members = string.Join(", ", codec.Members.Where(m => m.Binary).Select(m => m.JsonName));
            string rebuilt = codec.Construction switch
            {
                CodecConstruction.Constructor => "through its constructor",
                CodecConstruction.Initializer => "with an object initializer",
                _ => "as a tuple",
            };
            writer.WriteLines($"""
                /// <summary>
                /// Writes <c>{GeneratedCode.XmlEscape(codec.Display)}</c> values member by member ({members}) for spill files and the
                /// cluster's shuffle, and as JSON objects; reads them back {rebuilt}.
                /// </summary>
                {GeneratedCode.Attribute}
                private sealed class {codec.Name} : {ValueCodecType}<{codec.Type}>
                """);
            writer.OpenBlock();
            writer.WriteLines($"""
                /// <summary>The one instance.</summary>
                public static readonly {codec.Name} Instance = new();
                """);
            foreach (CodecMemberModel member in codec.Members.Where(m => m.Field is not null))
            {
                writer.WriteLine();
                writer.WriteLine($"private static readonly {ValueCodecType}<{member.Type}> {member.Field} =");
                writer.WriteLine($"    {Qualified(member.FieldInitializer!, jobStruct)};");
            }

            writer.WriteLine();
            writer.WriteLines($$"""
                /// <inheritdoc/>
                public override void Write({{Engine}}ValueWriter writer, {{codec.Type}} value)
                {
                """);
            foreach (CodecMemberModel member in codec.Members.Where(m => m.Binary))
            {
                writer.WriteLine(member.Primitive is { } primitive
                    ? $"    writer.Write{primitive}(value.{member.Access});"
                    : $"    {member.Field}.Write(writer, value.{member.Access});");
            }

            writer.WriteLines($$"""
                }

                /// <inheritdoc/>
                public override {{codec.Type}} Read(ref {{Engine}}ValueReader reader)
                {
                """);
            foreach (CodecMemberModel member in codec.Members.Where(m => m.Binary))
            {
                writer.WriteLine(member.Primitive is { } primitive
                    ? $"    var {member.Local} = reader.Read{primitive}(){member.ReadSuffix};"
                    : $"    var {member.Local} = {member.Field}.Read(ref reader);");
            }

            writer.WriteLine($"    return {Construction(codec)};");
            writer.WriteLines($$"""
                }

                /// <inheritdoc/>
                public override void WriteJson(global::System.Text.Json.Utf8JsonWriter writer, {{codec.Type}} value)
                {
                    writer.WriteStartObject();
                """);
            foreach (CodecMemberModel member in codec.Members.Where(m => m.Json))
            {
                writer.WriteLine($"    writer.WritePropertyName(\"{member.JsonName}\");");
                writer.WriteLine(member.Primitive is { } primitive
                    ? $"    {Engine}ValueCodecs.{primitive}.WriteJson(writer, value.{member.Access});"
                    : $"    {member.Field}.WriteJson(writer, value.{member.Access});");
            }

            writer.WriteLines("""
                    writer.WriteEndObject();
                }
                """);
            writer.CloseBlock();
        }

        /// <summary>A sequence interface's codec: its items written as a list, read back as one.</summary>
        private static void WriteSequenceCodecClass(SourceWriter writer, CodecClassModel codec, string jobStruct)
        {
            CodecMemberModel items = codec.Members[0];
            string list = items.Type.TrimEnd('?');
            string item = list.Substring(list.IndexOf('<') + 1, list.Length - list.IndexOf('<') - 2);
            writer.WriteLines($$"""
                /// <summary>
                /// Writes <c>{{GeneratedCode.XmlEscape(codec.Display)}}</c> values as the list of their items for spill files and the
                /// cluster's shuffle, and as JSON arrays; reads them back as a <c>List</c>.
                /// </summary>
                {{GeneratedCode.Attribute}}
                private sealed class {{codec.Name}} : {{ValueCodecType}}<{{codec.Type}}>
                {
                    /// <summary>The one instance.</summary>
                    public static readonly {{codec.Name}} Instance = new();

                    private static readonly {{ValueCodecType}}<{{items.Type}}> {{items.Field}} =
                        {{Qualified(items.FieldInitializer!, jobStruct)}};

                    /// <inheritdoc/>
                    public override void Write({{Engine}}ValueWriter writer, {{codec.Type}} value)
                        => {{items.Field}}.Write(writer, AsList(value));

                    /// <inheritdoc/>
                    public override {{codec.Type}} Read(ref {{Engine}}ValueReader reader)
                        => {{items.Field}}.Read(ref reader)!;

                    /// <inheritdoc/>
                    public override void WriteJson(global::System.Text.Json.Utf8JsonWriter writer, {{codec.Type}} value)
                        => {{items.Field}}.WriteJson(writer, AsList(value));

                    /// <summary>The items as a list: the value itself when it is one.</summary>
                    private static {{items.Type}} AsList(global::System.Collections.Generic.IEnumerable<{{item}}>? value)
                        => value is null ? null : value as {{list}} ?? new {{list}}(value);
                }
                """);
        }

        /// <summary>The expression that rebuilds a value from the locals <c>Read</c> read.</summary>
        private static string Construction(CodecClassModel codec)
        {
            string initializer = string.Join(", ", codec.Members.Where(m => m.Initialized).Select(m => $"{m.Access} = {m.Local}"));
            return codec.Construction switch
            {
                CodecConstruction.Tuple => $"({string.Join(", ", codec.ConstructorArguments)})",
                CodecConstruction.Constructor =>
                    $"new {codec.Type}({string.Join(", ", codec.ConstructorArguments)})" + (initializer.Length > 0 ? $" {{ {initializer} }}" : ""),
                _ => initializer.Length > 0 ? $"new {codec.Type} {{ {initializer} }}" : $"new {codec.Type}()",
            };
        }
    }
}
