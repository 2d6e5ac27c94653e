namespace MapReduceGen.Generator.Model
{
    /// <summary>
    /// One <c>Emit</c> call in a job's own code that the generator intercepts, as plain equatable data: where it is (the
    /// compiler's opaque location data), which overload it calls, and the job whose map sink it feeds.
    /// </summary>
    internal sealed record EmitCallModel
    {
        /// <summary>The job's generated file name, which names its interceptor file too.</summary>
        public string JobHintName { get; init; } = "";

        /// <summary>The job's display name.</summary>
        public string JobName { get; init; } = "";

        /// <summary>The fully qualified generated job struct (<c>global::Ns.Job.MapReduceJob</c>).</summary>
        public string JobStruct { get; init; } = "";

        /// <summary>Whether the job combines values as they arrive (a fold); otherwise it keeps every value.</summary>
        public bool Folds { get; init; }

        public EmitCallKind Kind { get; init; }

        public string KeyType { get; init; } = "";

        public string ValueType { get; init; } = "";

        /// <summary>The <c>InterceptsLocation</c> version.</summary>
        public int LocationVersion { get; init; }

        /// <summary>The <c>InterceptsLocation</c> data (opaque, from the compiler).</summary>
        public string LocationData { get; init; } = "";

        /// <summary>Where the call is, for a comment a reader can follow (file, line, column).</summary>
        public string DisplayLocation { get; init; } = "";
    }
}
