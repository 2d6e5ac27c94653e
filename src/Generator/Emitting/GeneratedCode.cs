using System.Text;
using MapReduceGen.Generator.Model;

namespace MapReduceGen.Generator.Emitting
{
    /// <summary>What every generated file writes the same way: the <c>[GeneratedCode]</c> attribute, engine type names, job names.</summary>
    internal static class GeneratedCode
    {
        public const string GeneratorName = "MapReduceGen.Generator";

        /// <summary>The namespace of the types generated code uses and users do not (<c>global::MapReduceGen.Engine.</c>).</summary>
        public const string Engine = "global::MapReduceGen.Engine.";

        public static readonly string GeneratorVersion = typeof(GeneratedCode).Assembly.GetName().Version?.ToString() ?? "0.0.0";

        /// <summary>The attribute on every generated type and member.</summary>
        public static readonly string Attribute =
            "[global::System.CodeDom.Compiler.GeneratedCodeAttribute(\"" + GeneratorName + "\", \"" + GeneratorVersion + "\")]";

        /// <summary>Hides generated plumbing (the job struct, its mapper structs, its definition) from IntelliSense.</summary>
        public const string Hidden = "[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]";

        /// <summary>
        /// A type of a <see cref="JobShape"/> row, with the job's types in place of <c>{Job}</c>, <c>{Input}</c>,
        /// <c>{Key}</c>, <c>{Value}</c> and <c>{Result}</c>.
        /// </summary>
        public static string Expand(string template, string job, string key, string value, string result = "", string input = "") =>
            template
                .Replace("{Job}", job)
                .Replace("{Input}", input)
                .Replace("{Key}", key)
                .Replace("{Value}", value)
                .Replace("{Result}", result);

        /// <summary>A type of <c>MapReduceGen.Engine</c> named by a <see cref="JobShape"/> row (see <see cref="Expand"/>).</summary>
        public static string EngineType(string template, string job, string key, string value, string result = "", string input = "") =>
            Engine + Expand(template, job, key, value, result, input);

        /// <summary>
        /// The <c>DirectEmit</c> method that puts a pair straight into a job's map sink, with its type arguments: the sink is
        /// named by the key (string keys have their own methods), the value, and the shape's slot and map side.
        /// </summary>
        public static string DirectEmitMethod(EmitCallKind kind, JobShape shape, string jobStruct, string key, string value)
        {
            string slot = Expand(shape.Slot, jobStruct, key, value);
            string side = EngineType(shape.MapSide, jobStruct, key, value);
            string stringKeyed = $"<{value}, {slot}, {side}>";
            return Engine + "DirectEmit." + kind switch
            {
                EmitCallKind.StringKey => "EmitString" + stringKeyed,
                EmitCallKind.Chars => "EmitChars" + stringKeyed,
                EmitCallKind.Utf8 => "EmitUtf8" + stringKeyed,
                _ => $"Emit<{jobStruct}, {key}, {value}, {slot}, {side}>",
            };
        }

        /// <summary>The job class, fully qualified (<c>global::Ns.Outer.Job</c>).</summary>
        public static string JobClass(JobModel job)
        {
            var builder = new StringBuilder("global::");
            if (job.Namespace is not null)
            {
                builder.Append(job.Namespace).Append('.');
            }

            for (int i = 0; i < job.Types.Count; i++)
            {
                builder.Append(i == 0 ? "" : ".").Append(job.Types[i].Name);
            }

            return builder.ToString();
        }

        /// <summary>The generated job struct, fully qualified (<c>global::Ns.Job.MapReduceJob</c>).</summary>
        public static string JobStruct(JobModel job) => JobClass(job) + ".MapReduceJob";

        /// <summary>Text made safe for an XML doc comment.</summary>
        public static string XmlEscape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
    }
}
