using System.Collections.Generic;
using System.Linq;
using MapReduceGen.Generator.Helpers;
using MapReduceGen.Generator.Model;

namespace MapReduceGen.Generator.Emitting
{
    /// <summary>
    /// The <c>MapReduceJob</c> struct: the job's definition (made once), the members of its shape's interfaces that call
    /// the user's combiner and reducer, the key's hash, equality and order, and one struct per mapper.
    /// </summary>
    internal static partial class JobEmitter
    {
        private static void WriteJobStruct(SourceWriter writer, JobModel job)
        {
            // Fully qualified: inside the struct a simple name could bind to one of its own members (Name, Map, ...).
            string jobClass = GeneratedCode.JobClass(job);
            writer.WriteLines($"""
                /// <summary>
                /// The job as executors see it: static members that call the job's methods directly, the key's stable hash,
                /// equality and order, one struct per mapper, and the job's <c>Definition</c>. Executors are generic over these
                /// structs, so the JIT and Native AOT specialise them for this job: no reflection, no boxing.
                """);
            if (job.Layout.Partitioner is not null || job.Layout.OutputComparer is not null)
            {
                // Said as it is: the engine's partitioning and output order are not generic over the job.
                writer.WriteLines("""
                    /// The job's <c>[Partitioner]</c> and <c>[OutputComparer]</c> are the exception: they reach the engine as
                    /// delegates in the definition's layout (a static lambda each, one indirect call per key or comparison).
                    """);
            }

            writer.WriteLines($"""
                /// </summary>
                {GeneratedCode.Attribute}
                {GeneratedCode.Hidden}
                {job.Accessibility} readonly struct MapReduceJob
                """);
            List<string> interfaces = Interfaces(job);
            for (int i = 0; i < interfaces.Count; i++)
            {
                writer.WriteLine((i == 0 ? "    : " : "      ") + interfaces[i] + (i < interfaces.Count - 1 ? "," : ""));
            }

            writer.OpenBlock();
            writer.WriteLines($"""
                /// <inheritdoc/>
                public static string Name => "{job.Name}";
                """);
            writer.WriteLine();
            WriteDefinition(writer, job, jobClass);
            WriteReduceMembers(writer, job, jobClass);
            writer.WriteLines($"""

                /// <inheritdoc/>
                public static int GetKeyHash({job.Key.Type} key)
                    => {job.Key.HashExpression};
                """);
            if (job.Key.KeyedHashExpression is { } keyedHash)
            {
                writer.WriteLines($"""

                    /// <inheritdoc/>
                    public static int GetKeyedHash({job.Key.Type} key)
                        => {keyedHash};
                    """);
            }

            writer.WriteLines($"""

                /// <inheritdoc/>
                public static bool KeysEqual({job.Key.Type} left, {job.Key.Type} right)
                    => {job.Key.EqualityExpression};
                """);
            WriteCompareKeys(writer, job, jobClass);
            WriteTaskState(writer, job, jobClass);
            for (int i = 0; i < job.Mappers.Count; i++)
            {
                writer.WriteLine();
                WriteMapperStruct(writer, job, jobClass, job.Mappers[i], i);
            }

            WriteCodecClasses(writer, job);
            writer.CloseBlock();
        }

        /// <summary>
        /// The job struct's interfaces: its definition and keys, its shape's (a combiner, a reduce member), and, for a job of
        /// an original shape with one mapper and no parameters, the marker the original entry points take.
        /// </summary>
        private static List<string> Interfaces(JobModel job)
        {
            var interfaces = new List<string>();
            if (job.Shape.Marker is { } marker && job.Mappers.Count == 1 && job.ParametersType is null)
            {
                interfaces.Add(ShapeType(job, marker));
            }

            interfaces.Add($"{Engine}IDefinedJob<{job.Key.Type}, {job.ValueType}, {OutputType(job)}>");
            interfaces.Add($"{Engine}IKeyedJob<{job.Key.Type}>");
            if (job.Shape.Combines)
            {
                interfaces.Add($"{Engine}ICombiner<{job.ValueType}>");
            }

            if (job.Shape.ReduceInterface is { } reduce)
            {
                interfaces.Add(ShapeType(job, reduce));
            }

            return interfaces;
        }

        /// <summary>The job's definition: its shape's factory over its mappers, parameters and layout, made once per job.</summary>
        private static void WriteDefinition(SourceWriter writer, JobModel job, string jobClass)
        {
            string key = job.Key.Type;
            string value = job.ValueType;
            writer.WriteLines($$"""
                /// <inheritdoc/>
                {{GeneratedCode.Hidden}}
                public static {{Engine}}JobDefinition<{{key}}, {{value}}, {{OutputType(job)}}> Definition { get; } =
                    {{Engine}}JobDefinitions.{{ShapeText(job, job.Shape.Factory)}}(
                        new {{Engine}}JobMapper<{{key}}, {{value}}>[]
                        {
                """);
            for (int i = 0; i < job.Mappers.Count; i++)
            {
                MapperModel mapper = job.Mappers[i];
                writer.WriteLine($"            {Engine}JobMappers.Of<Mapper{i}, {mapper.InputType}, {key}, {value}>(\"{mapper.InputName}\"),");
            }

            string parameters = job.ParametersType is { } type ? $"{Engine}JobParameters.Of<{type}>()" : $"{Engine}JobParameters.None";
            string? codecs = CodecsArgument(job);
            writer.WriteLines($$"""
                        },
                        {{parameters}},
                        {{Layout(job, jobClass)}}{{(codecs is null ? ");" : ",")}}
                """);
            if (codecs is not null)
            {
                writer.WriteLines(string.Join("\n", codecs.Split('\n').Select(line => "        " + line.TrimEnd('\r'))) + ");");
            }
        }

        /// <summary>What the definition's layout says: sorting, and the job's comparers and partitioner.</summary>
        private static string Layout(JobModel job, string jobClass)
        {
            // The [ValueComparer] is the job struct's CompareValues (called directly by the reducer), not part of the layout.
            JobLayoutModel layout = job.Layout with { ValueComparer = null };
            if (layout.IsDefault)
            {
                return "null";
            }

            var members = new List<string>();
            if (layout.SortByKey)
            {
                members.Add("SortByKey = true");
            }

            if (layout.KeyComparer is not null)
            {
                members.Add("HasKeyComparer = true");
            }

            if (layout.Partitioner is { } partitioner)
            {
                members.Add($"Partitioner = static (key, partitionCount) => {jobClass}.{partitioner}(key, partitionCount)");
            }

            if (layout.OutputComparer is { } outputComparer)
            {
                members.Add($"OutputComparer = static (left, right) => {jobClass}.{outputComparer}(left, right)");
            }

            return $"new {Engine}JobLayout<{job.Key.Type}, {job.ValueType}, {job.ResultType}> {{ {string.Join(", ", members)} }}";
        }

        /// <summary>
        /// The members through which the engine calls the user's combiner and reducer: <c>Combine</c> when values combine as
        /// they are emitted (a fold reducer, or the <c>[Combiner]</c>), and the shape's reduce member, which sets the key's
        /// result or hands the reducer the key's record output.
        /// </summary>
        private static void WriteReduceMembers(SourceWriter writer, JobModel job, string jobClass)
        {
            string key = job.Key.Type;
            string value = job.ValueType;
            string bang = job.Reducer.NullabilityDiffers ? "!" : "";
            if (job.Shape.Combines)
            {
                writer.WriteLines($"""

                    /// <inheritdoc/>
                    public static {value} Combine({value} left, {value} right)
                        => {jobClass}.{job.Combiner ?? job.Reducer.Name}(left{bang}, right{bang}){bang};
                    """);
            }

            string output = $"{Engine}KeyOutput<{job.ResultType}> output, {Engine}TaskContext context";
            (string Signature, string Arguments)? member = job.Shape.ReduceMember switch
            {
                ReduceMember.Finish => ($"Finish({key} key, {value} combined, {output})", $"key{bang}, combined{bang}"),
                ReduceMember.ReduceValues => (
                    $"Reduce({key} key, global::System.ReadOnlySpan<{value}> values, {output})",
                    $"key{bang}, {(job.Reducer.TakesList ? "values.ToArray()" : "values")}{bang}"),
                ReduceMember.ReduceKey => ($"Reduce({key} key, {output})", $"key{bang}"),
                _ => null,
            };
            if (member is not { } reduce)
            {
                return;
            }

            bool records = job.Shape.Output == JobOutputKind.Records;
            string Call(string arguments)
            {
                string call = $"{jobClass}.{job.Reducer.Name}({arguments}{(records ? ", output.Records" : "")}{ExtraArguments(job, job.Reducer.Arguments)})";
                return records ? call : $"output.Set({call}{bang})";
            }

            if (job.Shape.ReduceMember == ReduceMember.ReduceValues && job.Reducer.TakesList)
            {
                // The engine hands a list reducer a view of the partition's values (no copy) where they stay put; only where
                // they are in a buffer it reuses (a merge of spilled runs) does Reduce copy them.
                writer.WriteLines($"""

                    /// <inheritdoc/>
                    public static bool TakesList => true;

                    /// <inheritdoc/>
                    public static void ReduceList({key} key, global::System.Collections.Generic.IReadOnlyList<{value}> values, {output})
                        => {Call($"key{bang}, values{bang}")};
                    """);
            }

            if (job.Layout.ValueComparer is { } valueComparer)
            {
                writer.WriteLines($"""

                    /// <inheritdoc/>
                    public static bool SortsValues => true;

                    /// <inheritdoc/>
                    public static int CompareValues({value} left, {value} right)
                        => {jobClass}.{valueComparer}(left, right);
                    """);
            }

            writer.WriteLines($"""

                /// <inheritdoc/>
                public static void {reduce.Signature}
                    => {Call(reduce.Arguments)};
                """);
        }

        /// <summary>
        /// Writes the job struct's <c>CompareKeys</c> when the key has an order the engine cannot know: the job's
        /// <c>[KeyComparer]</c>, or member by member for tuple and record keys.
        /// </summary>
        private static void WriteCompareKeys(SourceWriter writer, JobModel job, string jobClass)
        {
            string signature = $"public static int CompareKeys({job.Key.Type} left, {job.Key.Type} right)";
            if (job.Layout.KeyComparer is { } comparer)
            {
                writer.WriteLines($"""

                    /// <inheritdoc/>
                    {signature}
                        => {jobClass}.{comparer}(left, right);
                    """);
            }
            else if (job.Key.CompareExpression is { } compare)
            {
                writer.WriteLines($$"""

                    /// <inheritdoc/>
                    {{signature}}
                    {
                    """);
                writer.WriteLines(compare.Contains("order = ") ? "    int order;" : "");
                writer.WriteLines($$"""
                        return {{compare}};
                    }
                    """);
            }
        }

        private static void WriteMapperStruct(SourceWriter writer, JobModel job, string jobClass, MapperModel mapper, int index)
        {
            string emitter = $"global::MapReduceGen.Emitter<{job.Key.Type}, {job.ValueType}>";
            writer.WriteLines($"""
                /// <summary>The mapper <c>{mapper.Name}</c>, over inputs of type <c>{GeneratedCode.XmlEscape(mapper.InputType)}</c>.</summary>
                {GeneratedCode.Attribute}
                {GeneratedCode.Hidden}
                public readonly struct Mapper{index} : {Engine}IMapFunction<{mapper.InputType}, {job.Key.Type}, {job.ValueType}>
                """);
            writer.OpenBlock();
            writer.WriteLines($"""
                /// <inheritdoc/>
                public static void Map({mapper.InputType} input, {emitter} emitter, {Engine}TaskContext context)
                """);
            string arguments = ExtraArguments(job, mapper.Arguments);

            // Where the mapper annotates its key or value otherwise than the job (its first mapper), '!' keeps the calls free
            // of nullable warnings: the types are the same, and the sinks refuse null keys themselves.
            string differs = mapper.NullabilityDiffers ? "!" : "";
            if (mapper.Shape == MapperShape.Emitter)
            {
                writer.WriteLine($"    => {jobClass}.{mapper.Name}(input, emitter{differs}{arguments});");
            }
            else
            {
                EmitCallKind kind = job.Key.IsString ? EmitCallKind.StringKey : EmitCallKind.Key;
                string emit = GeneratedCode.DirectEmitMethod(kind, job.Shape, "MapReduceJob", job.Key.Type, job.ValueType);
                string stringKey = kind == EmitCallKind.StringKey && job.Key.Type.EndsWith("?", System.StringComparison.Ordinal) ? "!" : "";
                string key = stringKey.Length > 0 || differs.Length > 0 ? "!" : "";
                (string keyMember, string valueMember) = mapper.YieldsKeyValuePairs ? ("Key", "Value") : ("Item1", "Item2");
                writer.WriteLines($$"""
                    {
                        foreach (var pair in {{jobClass}}.{{mapper.Name}}(input{{arguments}}){{(mapper.ReturnsNullable ? "!" : "")}})
                        {
                            {{emit}}(emitter{{stringKey}}, pair.{{keyMember}}{{key}}, pair.{{valueMember}}{{differs}});
                        }
                    }
                    """);
            }

            writer.CloseBlock();
        }

        /// <summary>
        /// The arguments of a user method's extra parameters, each after a comma (<c>P</c>: the run's parameters, <c>C</c>: the
        /// task's counters, <c>S</c>: the task's state).
        /// </summary>
        private static string ExtraArguments(JobModel job, string pattern)
        {
            var arguments = new List<string>();
            foreach (char kind in pattern)
            {
                arguments.Add(kind switch
                {
                    'P' => $"(({Engine}TaskContext<{job.ParametersType}>)context).Parameters",
                    'S' => "TaskState(context)",
                    _ => "context.Counters",
                });
            }

            return arguments.Count == 0 ? "" : ", " + string.Join(", ", arguments);
        }

        /// <summary>The task state's members: made by the job's <c>[TaskSetup]</c> method once per task, through the task's context.</summary>
        private static void WriteTaskState(SourceWriter writer, JobModel job, string jobClass)
        {
            if (job.TaskSetup is not { } setup)
            {
                return;
            }

            string arguments = ExtraArguments(job, setup.Arguments);
            writer.WriteLines($"""

                /// <summary>The task's state: made by '{setup.Name}' the first time the task's code asks for it, disposed when the task ends.</summary>
                private static {setup.StateType} TaskState({Engine}TaskContext context) => context.State(NewTaskState);

                private static {setup.StateType} NewTaskState({Engine}TaskContext context) => {jobClass}.{setup.Name}({(arguments.Length > 0 ? arguments.Substring(2) : "")});
                """);
        }
    }
}
