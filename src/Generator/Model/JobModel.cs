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

        public string InputType { get; init; } = "";

        public string KeyType { get; init; } = "";

        public string ValueType { get; init; } = "";

        /// <summary>The reducer's result type (the value type for a fold).</summary>
        public string ResultType { get; init; } = "";

        public MapperShape MapperShape { get; init; }

        public string MapperName { get; init; } = "";

        public ReducerShape ReducerShape { get; init; }

        public string ReducerName { get; init; } = "";

        /// <summary>Whether a sequence mapper's return type is annotated nullable (the loop then uses <c>!</c>).</summary>
        public bool MapperReturnsNullable { get; init; }

        /// <summary>
        /// Whether the reducer's parameter or return types annotate nullability differently from the mapper's (the
        /// types are otherwise the same): the generated calls then use <c>!</c> so they raise no nullable warnings.
        /// </summary>
        public bool ReducerNullabilityDiffers { get; init; }

        /// <summary>The body of <c>GetKeyHash</c>: an expression over the parameter <c>key</c>.</summary>
        public string KeyHashExpression { get; init; } = "";

        /// <summary>
        /// The body of <c>GetKeyedHash</c> (an expression over the parameter <c>key</c>) for tuple, record and nullable
        /// keys; <see langword="null"/> when the engine's default keyed hash serves the key.
        /// </summary>
        public string? KeyedHashExpression { get; init; }

        /// <summary>The body of <c>KeysEqual</c>: an expression over the parameters <c>left</c> and <c>right</c>.</summary>
        public string KeyEqualityExpression { get; init; } = "";

        /// <summary>Whether the key type is <see cref="string"/> (and so also accepts span keys).</summary>
        public bool KeyIsString { get; init; }

        /// <summary>Whether the input type is <see cref="string"/> (lines of text: text sources apply).</summary>
        public bool InputIsString { get; init; }

        /// <summary>
        /// Whether to add <c>RunUtf8</c>: a fold job over lines whose class also implements
        /// <c>IUtf8TextMapper&lt;TKey, TValue&gt;</c> (a mapper of raw UTF-8 blocks of lines).
        /// </summary>
        public bool Utf8Members { get; init; }

        /// <summary>
        /// Whether to add <c>RunOnClusterAsync</c> and <c>AddToSilo</c>: the project references MapReduceGen.Orleans and
        /// the key type is not nullable (the cluster requires <c>TKey : notnull</c>).
        /// </summary>
        public bool ClusterMembers { get; init; }

        /// <summary>
        /// Whether the job has the original shape (one mapper without parameters or counters, a fold or grouping reducer,
        /// no combiner, no ordering): it is generated exactly as before, implementing <c>IFoldJob</c> or <c>IGroupJob</c>.
        /// Every other job implements the engine's general interfaces and exposes a <c>Definition</c>.
        /// </summary>
        public bool IsClassic { get; init; } = true;

        /// <summary>Every mapper, in declaration order (the first is also described by the Mapper* members).</summary>
        public EquatableArray<MapperModel> Mappers { get; init; } = EquatableArray<MapperModel>.Empty;

        /// <summary>The job's parameters type, or <see langword="null"/> when no method takes parameters.</summary>
        public string? ParametersType { get; init; }

        /// <summary>The extra arguments the reducer takes after its required ones (see <see cref="MapperModel.Arguments"/>).</summary>
        public string ReducerArguments { get; init; } = "";

        /// <summary>Whether the reducer writes records (<c>RecordOutput&lt;TRecord&gt;</c>; <see cref="ResultType"/> is then the record type).</summary>
        public bool WritesRecords { get; init; }

        /// <summary>The <c>[Combiner]</c> method, or <see langword="null"/>.</summary>
        public string? CombinerName { get; init; }

        /// <summary>Whether values are combined map-side (a fold reducer or a combiner).</summary>
        public bool MapFolds => ReducerShape == ReducerShape.Fold || CombinerName is not null;

        /// <summary>Whether the output is sorted by key (<c>[Reducer(SortByKey = true)]</c> or a <c>[KeyComparer]</c>).</summary>
        public bool SortByKey { get; init; }

        public string? KeyComparerName { get; init; }

        public string? ValueComparerName { get; init; }

        public string? OutputComparerName { get; init; }

        public string? PartitionerName { get; init; }

        /// <summary>
        /// The body of the job struct's <c>CompareKeys</c> (an expression over <c>left</c> and <c>right</c>, with a local
        /// <c>int order</c>) when the key type has no order of its own the engine can use (tuples and records: member by
        /// member), or <see langword="null"/>.
        /// </summary>
        public string? KeyCompareExpression { get; init; }
    }
}
