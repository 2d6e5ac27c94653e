using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using MapReduceGen.Generator.Diagnostics;
using MapReduceGen.Generator.Emitting;
using MapReduceGen.Generator.Helpers;
using MapReduceGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MapReduceGen.Generator.Parsing
{
    /// <summary>
    /// Reads the methods of a job (mappers, reducer, companions), checks that they fit together (one key and value type,
    /// one parameters type, types the generated code can name and expose, keys with value equality) and builds the
    /// <see cref="JobModel"/>; null when something is wrong (the diagnostics say what). The first mapper's read says the
    /// key and value types.
    /// </summary>
    internal static class JobModelBuilder
    {
        /// <summary>Names the generated members take besides the inputs: an input may not be called like them.</summary>
        private static readonly string[] TakenParameterNames = { "options", "parameters", "cancellationToken", "cluster", "silo", "directory", "format" };

        public static JobModel? Build(
            INamedTypeSymbol jobType, string jobName, JobParts parts, KnownTypes known, List<Diagnostic> diagnostics, CancellationToken cancellationToken,
            out MapperRead? firstMapper)
        {
            cancellationToken.ThrowIfCancellationRequested();
            firstMapper = null;
            if (!CompanionReader.ReadTaskSetup(parts.TaskSetup, known, diagnostics, out ITypeSymbol? taskState, out List<ExtraParameter>? setupExtras) ||
                (taskState is not null && TypeFacts.ContainsErrorType(taskState)) ||
                ReadMappers(parts.Mappers, known, diagnostics, taskState) is not { } mappers)
            {
                return null;
            }

            MapperRead first = firstMapper = mappers[0];
            bool ok = CheckMappersAgree(mappers, diagnostics);
            if (parts.Combiner is { } combiner)
            {
                ok &= CompanionReader.CheckCombiner(combiner, first.Value, diagnostics);
            }

            if (!ok || ReducerReader.Read(parts.Reducer, first.Method, first.Key, first.Value, parts.Combiner, jobName, known, diagnostics, taskState) is not { } reducer)
            {
                return null;
            }

            JobParameters? parameters = ResolveParameters(mappers, parts.Reducer, reducer, parts.TaskSetup, setupExtras, diagnostics);
            if (parameters is { Type: { } parametersType } && taskState is not null && TypeFacts.Same(parametersType, taskState))
            {
                // A parameter of that type could be either: the state must be a type of its own.
                diagnostics.Add(Diagnostic.Create(
                    DiagnosticDescriptors.InvalidTaskSetup, SourceLocations.ReturnType(parts.TaskSetup!), parts.TaskSetup!.Name,
                    $"returns '{TypeFacts.Display(taskState)}', the type of the job's parameters, so a method taking one could mean either"));
                return null;
            }

            JobLayoutModel? layout = CompanionReader.ReadLayout(parts, jobName, first.Key, first.Value, reducer, known, diagnostics);
            if (parameters is null || layout is null ||
                CheckTypes(jobType, mappers, parts.Reducer, reducer, parameters, diagnostics) is not { } accessibility)
            {
                return null;
            }

            string? byReference = ValueSemantics.ReferenceEqualityProblem(first.Key, known);
            bool keyByReference = byReference is not null;
            if (keyByReference && !AnyAllowsReferenceEqualityKeys(parts.Mappers, known))
            {
                diagnostics.Add(Diagnostic.Create(
                    DiagnosticDescriptors.KeyWithoutValueEquality, SourceLocations.EmittedTypes(first), TypeFacts.Display(first.Key), jobName, byReference));
                return null;
            }

            JobCodecsModel codecs = CodecPlanner.Plan(jobType, first.Key, first.Value, reducer.Result, keyByReference, known, out var unwritable);
            if (unwritable is not null)
            {
                ReportUnwritable(unwritable, first, parts.Reducer, reducer, known, diagnostics);
            }
            TaskSetupModel? setup = parts.TaskSetup is { } setupMethod
                ? new TaskSetupModel(setupMethod.Name, TypeFacts.FullName(taskState!), ExtraParameterReader.Pattern(setupExtras!))
                : null;
            return Assemble(jobType, mappers, parts, reducer, parameters, layout, accessibility, known) with { Codecs = codecs, TaskSetup = setup };
        }

        /// <summary>
        /// MRG0034 (a warning) for each type that has no codec: the key and value where the first mapper emits them, the result
        /// where the reducer returns it (or its <c>RecordOutput</c>). One type in two roles at one place is reported once.
        /// </summary>
        private static void ReportUnwritable(
            List<(CodecRole Role, ITypeSymbol Type, string Reason)> unwritable, MapperRead first, IMethodSymbol reducer, ReducerRead read,
            KnownTypes known, List<Diagnostic> diagnostics)
        {
            if (unwritable.Count == 0)
            {
                return;
            }

            bool records = read.Shape.Output == JobOutputKind.Records;
            bool fold = read.Shape.Kind == ShapeKind.Fold;
            var reported = new List<(CodecRole Role, ITypeSymbol Type, string Reason)>();
            foreach (var entry in unwritable)
            {
                if (entry.Role == CodecRole.Result && fold)
                {
                    // A fold's result is its value, reported as such.
                    continue;
                }

                if (entry.Role == CodecRole.Value && reported.Any(r => r.Role == CodecRole.Key && TypeFacts.SameNullability(r.Type, entry.Type) && r.Reason == entry.Reason))
                {
                    continue;
                }

                reported.Add(entry);
            }

            foreach ((CodecRole role, ITypeSymbol type, string reason) in reported)
            {
                bool alsoValue = role == CodecRole.Key && unwritable.Any(u => u.Role == CodecRole.Value && TypeFacts.SameNullability(u.Type, type) && u.Reason == reason);
                string roleName = role switch
                {
                    CodecRole.Key => alsoValue ? "key and value" : "key",
                    CodecRole.Value => "value",
                    _ => records ? "record" : "result",
                };
                Location location = role != CodecRole.Result
                    ? SourceLocations.EmittedTypes(first)
                    : records
                        ? SourceLocations.Parameter(reducer.Parameters.First(p => TypeFacts.IsConstructedFrom(p.Type, known.RecordOutput)))
                        : SourceLocations.ReturnType(reducer);
                string consequence = role == CodecRole.Result
                    ? "Without it, JSON Lines output of the job's " + (records ? "records" : "results") + " needs a backend serializer (a local run writing JSON Lines fails)"
                    : "Without it the job cannot spill its map output to disk, so a run whose tables outgrow the memory budget fails with an error, and JSON Lines output needs a backend serializer";
                diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.UnwritableType, location, roleName, TypeFacts.Display(type), reason, consequence));
            }
        }

        private static List<MapperRead>? ReadMappers(List<IMethodSymbol> methods, KnownTypes known, List<Diagnostic> diagnostics, ITypeSymbol? taskState)
        {
            var reads = new List<MapperRead>();
            foreach (IMethodSymbol method in methods)
            {
                if (MapperReader.Read(method, known, diagnostics, taskState) is { } read)
                {
                    reads.Add(read);
                }
            }

            return reads.Count == methods.Count ? reads : null;
        }

        /// <summary>MRG0024 for each mapper that emits other key or value types than the first.</summary>
        private static bool CheckMappersAgree(List<MapperRead> mappers, List<Diagnostic> diagnostics)
        {
            MapperRead first = mappers[0];
            bool ok = true;
            for (int i = 1; i < mappers.Count; i++)
            {
                MapperRead other = mappers[i];
                if (!TypeFacts.Same(other.Key, first.Key) || !TypeFacts.Same(other.Value, first.Value))
                {
                    diagnostics.Add(Diagnostic.Create(
                        DiagnosticDescriptors.MapperTypesDiffer, SourceLocations.EmittedTypes(other), other.Method.Name,
                        TypeFacts.Display(other.Key), TypeFacts.Display(other.Value), first.Method.Name, TypeFacts.Display(first.Key), TypeFacts.Display(first.Value)));
                    ok = false;
                }
            }

            return ok;
        }

        /// <summary>The job's parameters: the first method that takes them decides the type; the others must agree (MRG0022).</summary>
        private static JobParameters? ResolveParameters(
            List<MapperRead> mappers, IMethodSymbol reducer, ReducerRead reducerRead, IMethodSymbol? setup, List<ExtraParameter>? setupExtras,
            List<Diagnostic> diagnostics)
        {
            ITypeSymbol? type = null;
            IMethodSymbol? owner = null;
            bool ok = true;
            var methods = new List<(IMethodSymbol Method, List<ExtraParameter> Extras)>(mappers.Count + 2);
            foreach (MapperRead mapper in mappers)
            {
                methods.Add((mapper.Method, mapper.Extras));
            }

            methods.Add((reducer, reducerRead.Extras));
            if (setup is not null && setupExtras is not null)
            {
                methods.Add((setup, setupExtras));
            }

            foreach ((IMethodSymbol method, List<ExtraParameter> extras) in methods)
            {
                foreach (ExtraParameter extra in extras)
                {
                    if (extra.Kind != ExtraParameter.Parameters)
                    {
                        continue;
                    }

                    if (type is null)
                    {
                        (type, owner) = (extra.Parameter.Type, method);
                    }
                    else if (!TypeFacts.Same(type, extra.Parameter.Type))
                    {
                        diagnostics.Add(Diagnostic.Create(
                            DiagnosticDescriptors.ParametersTypeMismatch, SourceLocations.Parameter(extra.Parameter), Role(method, reducer, setup), method.Name,
                            TypeFacts.Display(extra.Parameter.Type), Role(owner!, reducer, setup), owner!.Name, TypeFacts.Display(type)));
                        ok = false;
                    }
                }
            }

            return ok ? new JobParameters(type, owner is null ? null : (owner, Role(owner, reducer, setup))) : null;
        }

        /// <summary>
        /// Checks every type the generated code names: none missing (the compiler says so), none it cannot hold (pointers,
        /// dynamic: MRG0008, MRG0009), none hidden from it (MRG0014). Returns the generated members' accessibility.
        /// </summary>
        private static string? CheckTypes(
            INamedTypeSymbol jobType, List<MapperRead> mappers, IMethodSymbol reducer, ReducerRead reducerRead, JobParameters parameters,
            List<Diagnostic> diagnostics)
        {
            MapperRead first = mappers[0];
            var types = new List<(ITypeSymbol Type, bool IsResult, IMethodSymbol Method, string Role)>(mappers.Count + 4);
            foreach (MapperRead mapper in mappers)
            {
                types.Add((mapper.Input, false, mapper.Method, "mapper"));
            }

            types.Add((first.Key, false, first.Method, "mapper"));
            types.Add((first.Value, false, first.Method, "mapper"));
            types.Add((reducerRead.Result, true, reducer, "reducer"));
            if (parameters is { Type: { } parametersType, Owner: { } owner })
            {
                types.Add((parametersType, false, owner.Method, owner.Role));
            }

            foreach ((ITypeSymbol type, _, _, _) in types)
            {
                if (TypeFacts.ContainsErrorType(type))
                {
                    // The compiler already reports the missing type; generating would only add noise.
                    return null;
                }
            }

            foreach ((ITypeSymbol type, bool isResult, IMethodSymbol method, _) in types)
            {
                if (TypeFacts.UnsupportedProblem(type) is { } unsupported)
                {
                    // Generic interfaces cannot take pointers or dynamic: generating would only add compiler errors.
                    diagnostics.Add(isResult
                        ? Diagnostic.Create(DiagnosticDescriptors.InvalidReducerShape, SourceLocations.ReturnType(reducer), reducer.Name, "returns " + unsupported)
                        : SymbolEqualityComparer.Default.Equals(method, reducer)
                            ? Diagnostic.Create(DiagnosticDescriptors.InvalidReducerShape, SourceLocations.Name(reducer), reducer.Name, "uses " + unsupported)
                            : Diagnostic.Create(DiagnosticDescriptors.InvalidMapperShape, SourceLocations.Name(method), method.Name, "uses " + unsupported));
                    return null;
                }
            }

            string accessibility = TypeFacts.EffectiveAccessibility(jobType) == Accessibility.Public ? "public" : "internal";
            foreach ((ITypeSymbol type, _, IMethodSymbol method, string role) in types)
            {
                Accessibility effective = TypeFacts.EffectiveAccessibility(type);
                if (effective is Accessibility.Private or Accessibility.Protected or Accessibility.ProtectedAndInternal)
                {
                    diagnostics.Add(Diagnostic.Create(
                        DiagnosticDescriptors.InaccessibleType, SourceLocations.Name(method), TypeFacts.Display(type),
                        role, method.Name, effective == Accessibility.Private ? "private" : "protected"));
                }
                else if (effective != Accessibility.Public)
                {
                    accessibility = "internal";
                }
            }

            return accessibility;
        }

        private static JobModel Assemble(
            INamedTypeSymbol jobType, List<MapperRead> mappers, JobParts parts, ReducerRead reducer, JobParameters parameters,
            JobLayoutModel layout, string accessibility, KnownTypes known)
        {
            MapperRead first = mappers[0];
            var containing = new List<ContainingTypeModel>();
            for (INamedTypeSymbol? type = jobType; type is not null; type = type.ContainingType)
            {
                containing.Insert(0, new ContainingTypeModel(Keyword(type), type.Name));
            }

            string? ns = jobType.ContainingNamespace is { IsGlobalNamespace: false } containingNamespace ? containingNamespace.ToDisplayString() : null;
            string dottedTypes = containing.Count == 1 ? containing[0].Name : string.Join(".", containing.ConvertAll(t => t.Name));
            string name = ns is null ? dottedTypes : ns + "." + dottedTypes;
            ITypeSymbol key = first.Key;
            return new JobModel
            {
                Namespace = ns,
                Types = new EquatableArray<ContainingTypeModel>(containing),
                Name = name,
                HintName = name + ".MapReduce.g.cs",
                Accessibility = accessibility,
                Shape = reducer.Shape,
                Mappers = new EquatableArray<MapperModel>(MapperModels(mappers)),
                Reducer = new ReducerModel(parts.Reducer.Name, ExtraParameterReader.Pattern(reducer.Extras), reducer.TakesList, reducer.NullabilityDiffers),
                Combiner = parts.Combiner?.Name,
                Key = new KeyModel(
                    TypeFacts.FullName(key), key.SpecialType == SpecialType.System_String, KeyCodeBuilder.Hash(key), KeyCodeBuilder.KeyedHashExpression(key),
                    KeyCodeBuilder.Equality(key),
                    parts.KeyComparer is null ? KeyCodeBuilder.Compare(key, known) : null),
                ValueType = TypeFacts.FullName(first.Value),
                ResultType = TypeFacts.FullName(reducer.Result),
                ParametersType = parameters.Type is { } parametersType ? TypeFacts.FullName(parametersType) : null,
                Layout = layout,
                Utf8Members = mappers.Count == 1 && first.Input.SpecialType == SpecialType.System_String && ImplementsUtf8Mapper(jobType, key, first.Value, known),
                ClusterMembers = known.HasClusterBackend && !TypeFacts.IsNullable(key),
            };
        }

        /// <summary>The mappers' models, each input named after its parameter (or <c>inputs</c> for one), made unique.</summary>
        private static List<MapperModel> MapperModels(List<MapperRead> mappers)
        {
            // One mapper's input is "inputs", which no generated parameter is called; several are named after their parameters.
            HashSet<string>? taken = mappers.Count == 1 ? null : new HashSet<string>(TakenParameterNames, System.StringComparer.Ordinal);
            var models = new List<MapperModel>(mappers.Count);
            foreach (MapperRead read in mappers)
            {
                string name = taken is null ? "inputs" : read.Method.Parameters[0].Name;
                string unique = name;
                for (int n = 2; taken is not null && !taken.Add(unique); n++)
                {
                    unique = name + n.ToString(CultureInfo.InvariantCulture);
                }

                models.Add(new MapperModel
                {
                    Name = read.Method.Name,
                    Shape = read.Shape,
                    InputType = TypeFacts.FullName(read.Input),
                    InputIsString = read.Input.SpecialType == SpecialType.System_String,
                    YieldsKeyValuePairs = read.YieldsKeyValuePairs,
                    ReturnsNullable = read.Shape == MapperShape.Enumerable && read.Method.ReturnNullableAnnotation == NullableAnnotation.Annotated,
                    NullabilityDiffers = !TypeFacts.SameNullability(read.Key, mappers[0].Key) || !TypeFacts.SameNullability(read.Value, mappers[0].Value),
                    Arguments = ExtraParameterReader.Pattern(read.Extras),
                    InputName = unique,
                    InputParameter = SyntaxFacts.GetKeywordKind(unique) == SyntaxKind.None ? unique : "@" + unique,
                });
            }

            return models;
        }

        private static bool AnyAllowsReferenceEqualityKeys(List<IMethodSymbol> mappers, KnownTypes known)
        {
            foreach (IMethodSymbol mapper in mappers)
            {
                if (AllowsReferenceEqualityKeys(mapper, known))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether the mapper opts in to keys compared by reference: <c>[Mapper(AllowReferenceEqualityKeys = true)]</c>.</summary>
        private static bool AllowsReferenceEqualityKeys(IMethodSymbol mapper, KnownTypes known)
        {
            foreach (AttributeData attribute in mapper.GetAttributes())
            {
                if (!known.IsMapper(attribute))
                {
                    continue;
                }

                foreach (KeyValuePair<string, TypedConstant> argument in attribute.NamedArguments)
                {
                    if (argument.Key == JobParser.AllowReferenceEqualityKeys && argument.Value.Value is true)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static bool ImplementsUtf8Mapper(INamedTypeSymbol jobType, ITypeSymbol key, ITypeSymbol value, KnownTypes known)
        {
            foreach (INamedTypeSymbol candidate in jobType.AllInterfaces)
            {
                if (TypeFacts.IsConstructedFrom(candidate, known.Utf8TextMapper) && TypeFacts.Same(candidate.TypeArguments[0], key) &&
                    TypeFacts.Same(candidate.TypeArguments[1], value))
                {
                    return true;
                }
            }

            return false;
        }

        private static string Role(IMethodSymbol method, IMethodSymbol reducer, IMethodSymbol? setup = null) =>
            SymbolEqualityComparer.Default.Equals(method, reducer) ? "reducer"
            : SymbolEqualityComparer.Default.Equals(method, setup) ? "task setup"
            : "mapper";

        private static string Keyword(INamedTypeSymbol type) => type switch
        {
            { IsRecord: true, TypeKind: TypeKind.Struct } => "record struct",
            { IsRecord: true } => "record",
            { TypeKind: TypeKind.Struct, IsRefLikeType: true } => "ref struct",
            { TypeKind: TypeKind.Struct } => "struct",
            { TypeKind: TypeKind.Interface } => "interface",
            _ => "class",
        };

        /// <summary>The job's parameters type (null: none) and the first method that takes it, with its role.</summary>
        private sealed class JobParameters
        {
            public JobParameters(ITypeSymbol? type, (IMethodSymbol Method, string Role)? owner)
            {
                Type = type;
                Owner = owner;
            }

            public ITypeSymbol? Type { get; }

            public (IMethodSymbol Method, string Role)? Owner { get; }
        }
    }
}
