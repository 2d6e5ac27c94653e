using MapReduceGen.Generator.Helpers;

namespace MapReduceGen.Generator.Model
{
    /// <summary>
    /// Everything the emitter needs to write one job, as plain equatable data (no symbols, syntax or locations), so
    /// the incremental pipeline regenerates a job only when something that shows in its output changed.
    /// </summary>
    internal sealed record JobModel
    {
        /// <summary>The job class's namespace, or <see langword="null"/> for the global namespace.</summary>
        public string? Namespace { get; init; }

        /// <summary>The job class and the types it is nested in, outermost first (the job class last).</summary>
        public EquatableArray<ContainingTypeModel> Types { get; init; } = EquatableArray<ContainingTypeModel>.Empty;

        /// <summary>The job's display name (namespace and type names, dotted), used in errors and statistics.</summary>
        public string Name { get; init; } = "";

        /// <summary>The generated file's name.</summary>
        public string HintName { get; init; } = "";

        /// <summary>"public" or "internal": the widest accessibility every type in the generated signatures allows.</summary>
        public string Accessibility { get; init; } = "public";

        /// <summary>The reducer's shape: the row of <see cref="JobShapes"/> the emitters follow.</summary>
        public JobShape Shape { get; init; } = JobShapes.All[0];

        /// <summary>Every mapper, one per input, in declaration order.</summary>
        public EquatableArray<MapperModel> Mappers { get; init; } = EquatableArray<MapperModel>.Empty;

        public ReducerModel Reducer { get; init; } = new ReducerModel("", "", false, false);

        /// <summary>The <c>[Combiner]</c> method, or <see langword="null"/>.</summary>
        public string? Combiner { get; init; }

        public KeyModel Key { get; init; } = new KeyModel("", false, "", null, "", null);

        public string ValueType { get; init; } = "";

        /// <summary>The reducer's result type (the value type for a fold), or the type of the records it writes.</summary>
        public string ResultType { get; init; } = "";

        /// <summary>The job's parameters type, or <see langword="null"/> when no method takes parameters.</summary>
        public string? ParametersType { get; init; }

        /// <summary>The <c>[TaskSetup]</c> method that makes each task's state (<c>S</c> arguments), or <see langword="null"/>.</summary>
        public TaskSetupModel? TaskSetup { get; init; }

        public JobLayoutModel Layout { get; init; } = new JobLayoutModel(false, null, null, null, null);

        /// <summary>The codecs of the key, value and result types (spilling, the shuffle, JSON Lines output).</summary>
        public JobCodecsModel Codecs { get; init; } = JobCodecsModel.None;

        /// <summary>
        /// Whether to add <c>RunUtf8</c>: one mapper, of lines, and the class also implements
        /// <c>IUtf8TextMapper&lt;TKey, TValue&gt;</c> (a mapper of raw UTF-8 blocks of lines).
        /// </summary>
        public bool Utf8Members { get; init; }

        /// <summary>
        /// Whether to add <c>RunOnClusterAsync</c> and <c>AddToSilo</c>: the project references MapReduceGen.Orleans and
        /// the key type is not nullable (the cluster requires <c>TKey : notnull</c>).
        /// </summary>
        public bool ClusterMembers { get; init; }
    }
}
