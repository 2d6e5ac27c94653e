namespace MapReduceGen.Generator.Model
{
    /// <summary>One <c>[Mapper]</c> of a job, as plain equatable data.</summary>
    internal sealed record MapperModel
    {
        public string Name { get; init; } = "";

        public MapperShape Shape { get; init; }

        public string InputType { get; init; } = "";

        public bool InputIsString { get; init; }

        /// <summary>
        /// Whether a sequence mapper yields <c>KeyValuePair&lt;TKey, TValue&gt;</c> (read as <c>Key</c> and <c>Value</c>) rather
        /// than tuples (<c>Item1</c> and <c>Item2</c>).
        /// </summary>
        public bool YieldsKeyValuePairs { get; init; }

        /// <summary>Whether a sequence mapper's return type is annotated nullable (the loop then uses <c>!</c>).</summary>
        public bool ReturnsNullable { get; init; }

        /// <summary>
        /// Whether it annotates the key or value type it emits otherwise than the job's first mapper (the types are the same):
        /// the generated calls then use <c>!</c> so they raise no nullable warnings.
        /// </summary>
        public bool NullabilityDiffers { get; init; }

        /// <summary>
        /// The extra arguments the mapper takes after its required ones, in order: <c>P</c> for the job's parameters,
        /// <c>C</c> for its <c>Counters</c>, <c>S</c> for its task's state (so "", "P", "CP", "SPC", ...).
        /// </summary>
        public string Arguments { get; init; } = "";

        /// <summary>The input's name: the generated <c>Run</c>'s parameter for it (a job with several inputs), and in errors.</summary>
        public string InputName { get; init; } = "";

        /// <summary><see cref="InputName"/> as a C# identifier (<c>@</c> before a keyword).</summary>
        public string InputParameter { get; init; } = "";
    }
}
