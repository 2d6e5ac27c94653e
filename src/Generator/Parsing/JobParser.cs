using System.Collections.Generic;
using System.Linq;
using System.Threading;
using MapReduceGen.Generator.Diagnostics;
using MapReduceGen.Generator.Helpers;
using MapReduceGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MapReduceGen.Generator.Parsing
{
    /// <summary>
    /// Reads one job class: finds its <c>[Mapper]</c> and <c>[Reducer]</c> methods, checks every rule, and builds
    /// the <see cref="JobModel"/> when the job is valid. The generator and the analyzer share it, so what the
    /// generator accepts is exactly what the analyzer does not report as an error.
    /// </summary>
    internal static class JobParser
    {
        private static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat
            .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

        private static readonly SymbolDisplayFormat MessageFormat = SymbolDisplayFormat.CSharpShortErrorMessageFormat;

        /// <summary>Every member name the generator may add to a job class.</summary>
        public static readonly string[] GeneratedMemberNames = { "Run", "RunAsync", "MapReduceJob", "RunUtf8", "AddToSilo", "RunOnClusterAsync" };

        /// <summary>The named argument of <c>[Mapper]</c> that accepts a key type without value equality (MRG0013).</summary>
        public const string AllowReferenceEqualityKeys = "AllowReferenceEqualityKeys";

        public static JobParseResult Parse(INamedTypeSymbol jobType, KnownTypes known, CancellationToken cancellationToken)
        {
            var diagnostics = new List<Diagnostic>();
            var mappers = new List<IMethodSymbol>();
            var reducers = new List<IMethodSymbol>();
            var helpers = new List<IMethodSymbol>[KnownTypes.HelperAttributes.Length];
            for (int i = 0; i < helpers.Length; i++)
            {
                helpers[i] = new List<IMethodSymbol>();
            }

            foreach (ISymbol member in jobType.GetMembers())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (member is not IMethodSymbol method)
                {
                    continue;
                }

                foreach (AttributeData attribute in method.GetAttributes())
                {
                    if (known.IsMapper(attribute))
                    {
                        if (!mappers.Contains(method))
                        {
                            mappers.Add(method);
                        }
                    }
                    else if (known.IsReducer(attribute))
                    {
                        if (!reducers.Contains(method))
                        {
                            reducers.Add(method);
                        }
                    }
                    else if (known.HelperIndex(attribute) is int helper and >= 0 && !helpers[helper].Contains(method))
                    {
                        helpers[helper].Add(method);
                    }
                }
            }

            if (mappers.Count == 0 && reducers.Count == 0)
            {
                // Helper methods outside a job class (a [Combiner] in a class without [Mapper] or [Reducer]).
                for (int i = 0; i < helpers.Length; i++)
                {
                    foreach (IMethodSymbol method in helpers[i])
                    {
                        if (method.MethodKind == MethodKind.Ordinary)
                        {
                            diagnostics.Add(Diagnostic.Create(
                                DiagnosticDescriptors.HelperWithoutJob, AttributeLocation(method, known.Helpers[i]),
                                KnownTypes.HelperAttributes[i].Attribute, method.Name, jobType.ToDisplayString(MessageFormat)));
                        }
                        else
                        {
                            CheckMethod(method, KnownTypes.HelperAttributes[i].Role, KnownTypes.HelperAttributes[i].Attribute, known.Helpers[i], diagnostics);
                        }
                    }
                }

                return new JobParseResult(null, diagnostics);
            }

            string jobName = jobType.ToDisplayString(MessageFormat);
            CheckJobType(jobType, jobName, known, diagnostics);

            // Accessors, operators and the like get MRG0016 and are then left out, so they cause no further noise
            // (a second reducer, a shape that matches no form).
            mappers.RemoveAll(method => !CheckMethod(method, "mapper", "Mapper", known.MapperAttribute, diagnostics));
            reducers.RemoveAll(method => !CheckMethod(method, "reducer", "Reducer", known.ReducerAttribute, diagnostics));
            for (int i = 0; i < helpers.Length; i++)
            {
                int index = i;
                helpers[i].RemoveAll(method => !CheckMethod(
                    method, KnownTypes.HelperAttributes[index].Role, KnownTypes.HelperAttributes[index].Attribute, known.Helpers[index], diagnostics));
            }

            if (mappers.Count == 0 && reducers.Count == 0)
            {
                return new JobParseResult(null, diagnostics);
            }

            for (int i = 1; i < reducers.Count; i++)
            {
                diagnostics.Add(Diagnostic.Create(
                    DiagnosticDescriptors.DuplicateReducer, AttributeLocation(reducers[i], known.ReducerAttribute),
                    jobName, reducers[0].Name, reducers[i].Name));
            }

            for (int h = 0; h < helpers.Length; h++)
            {
                for (int i = 1; i < helpers[h].Count; i++)
                {
                    diagnostics.Add(Diagnostic.Create(
                        DiagnosticDescriptors.DuplicateHelper, AttributeLocation(helpers[h][i], known.Helpers[h]),
                        jobName, KnownTypes.HelperAttributes[h].Attribute, helpers[h][0].Name, helpers[h][i].Name));
                }
            }

            if (reducers.Count == 0)
            {
                diagnostics.Add(Diagnostic.Create(
                    DiagnosticDescriptors.MapperWithoutReducer, NameLocation(mappers[0]), jobName, mappers[0].Name));
            }

            if (mappers.Count == 0)
            {
                diagnostics.Add(Diagnostic.Create(
                    DiagnosticDescriptors.ReducerWithoutMapper, NameLocation(reducers[0]), jobName, reducers[0].Name));
            }

            JobModel? model = null;
            if (mappers.Count >= 1 && reducers.Count >= 1)
            {
                var parts = new JobParts(
                    mappers, reducers[0], First(helpers[0]), First(helpers[1]), First(helpers[2]), First(helpers[3]), First(helpers[4]));
                model = BuildModel(jobType, jobName, parts, known, diagnostics, cancellationToken);
            }

            bool hasErrors = diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
            return new JobParseResult(hasErrors ? null : model, diagnostics);
        }

        private static IMethodSymbol? First(List<IMethodSymbol> methods) => methods.Count > 0 ? methods[0] : null;

        /// <summary>The methods of one job: its mappers, its reducer and its helpers (each optional).</summary>
        private sealed class JobParts
        {
            public JobParts(
                List<IMethodSymbol> mappers, IMethodSymbol reducer, IMethodSymbol? combiner, IMethodSymbol? keyComparer,
                IMethodSymbol? valueComparer, IMethodSymbol? outputComparer, IMethodSymbol? partitioner)
            {
                Mappers = mappers;
                Reducer = reducer;
                Combiner = combiner;
                KeyComparer = keyComparer;
                ValueComparer = valueComparer;
                OutputComparer = outputComparer;
                Partitioner = partitioner;
            }

            public List<IMethodSymbol> Mappers { get; }

            public IMethodSymbol Reducer { get; }

            public IMethodSymbol? Combiner { get; }

            public IMethodSymbol? KeyComparer { get; }

            public IMethodSymbol? ValueComparer { get; }

            public IMethodSymbol? OutputComparer { get; }

            public IMethodSymbol? Partitioner { get; }
        }

        private static void CheckJobType(INamedTypeSymbol jobType, string jobName, KnownTypes known, List<Diagnostic> diagnostics)
        {
            string[] generatedNames = GeneratedMemberNames.Where(name => IsGeneratedFor(jobType, name, known)).ToArray();
            if (jobType.TypeKind is not (TypeKind.Class or TypeKind.Struct))
            {
                diagnostics.Add(Diagnostic.Create(
                    DiagnosticDescriptors.UnsupportedJobType, NameLocation(jobType), jobName,
                    "an " + jobType.TypeKind.ToString().ToLowerInvariant()));
            }

            for (INamedTypeSymbol? type = jobType; type is not null; type = type.ContainingType)
            {
                if (type.IsFileLocal)
                {
                    // A file-local type cannot be continued in the generator's own file.
                    diagnostics.Add(Diagnostic.Create(
                        DiagnosticDescriptors.UnsupportedJobType, NameLocation(type), jobName,
                        ReferenceEquals(type, jobType) ? "file-local" : $"nested in the file-local type '{type.ToDisplayString(MessageFormat)}'"));
                }

                if (type.IsGenericType)
                {
                    diagnostics.Add(Diagnostic.Create(
                        DiagnosticDescriptors.UnsupportedJobType, NameLocation(type), jobName,
                        ReferenceEquals(type, jobType) ? "generic" : $"nested in the generic type '{type.ToDisplayString(MessageFormat)}'"));
                }

                bool isPartial = type.DeclaringSyntaxReferences
                    .Select(r => r.GetSyntax())
                    .OfType<TypeDeclarationSyntax>()
                    .Any(d => d.Modifiers.Any(SyntaxKind.PartialKeyword));
                if (!isPartial)
                {
                    diagnostics.Add(Diagnostic.Create(
                        DiagnosticDescriptors.TypeNotPartial, NameLocation(type), type.ToDisplayString(MessageFormat), jobName));
                }

                foreach (string generated in generatedNames)
                {
                    if (ReferenceEquals(type, jobType) && type.Name == generated)
                    {
                        diagnostics.Add(Diagnostic.Create(
                            DiagnosticDescriptors.GeneratedNameCollision, NameLocation(type), generated, jobName));
                    }
                }
            }

            foreach (ISymbol member in jobType.GetMembers())
            {
                if (member.IsImplicitlyDeclared || !generatedNames.Contains(member.Name) || IsGenerated(member))
                {
                    continue;
                }

                if (member.Name == "MapReduceJob" || member is not IMethodSymbol || IsGeneratedLookalike((IMethodSymbol)member, known))
                {
                    diagnostics.Add(Diagnostic.Create(
                        DiagnosticDescriptors.GeneratedNameCollision, NameLocation(member), member.Name, jobName));
                }
            }
        }

        /// <summary>Whether a member comes from MapReduceGen's own output (the analyzer sees generated files).</summary>
        private static bool IsGenerated(ISymbol member) =>
            member.DeclaringSyntaxReferences.Length > 0 &&
            member.DeclaringSyntaxReferences.All(r => r.SyntaxTree.FilePath.EndsWith(".MapReduce.g.cs", System.StringComparison.Ordinal));

        /// <summary>
        /// Whether the generator adds a member named <paramref name="name"/> to this job: <c>RunUtf8</c> only to a class
        /// that implements <c>IUtf8TextMapper</c>, <c>AddToSilo</c> and <c>RunOnClusterAsync</c> only in a project that
        /// references MapReduceGen.Orleans; the others always.
        /// </summary>
        private static bool IsGeneratedFor(INamedTypeSymbol jobType, string name, KnownTypes known) => name switch
        {
            "RunUtf8" => known.Utf8TextMapper is not null && jobType.AllInterfaces.Any(i =>
                SymbolEqualityComparer.Default.Equals(i.OriginalDefinition, known.Utf8TextMapper)),
            "AddToSilo" or "RunOnClusterAsync" => known.HasClusterBackend,
            _ => true,
        };

        /// <summary>
        /// Whether a user method named like a generated one would clash with it: its first parameter has the type the
        /// generated overloads take first (a sequence, a text source, a stream, a silo builder, a cluster executor).
        /// Other overloads (say <c>Run(int)</c>) are the user's to declare.
        /// </summary>
        private static bool IsGeneratedLookalike(IMethodSymbol method, KnownTypes known)
        {
            if (method.Parameters.Length == 0)
            {
                return false;
            }

            ITypeSymbol first = method.Parameters[0].Type;
            bool Is(INamedTypeSymbol? type) =>
                type is not null && SymbolEqualityComparer.Default.Equals(first.OriginalDefinition, type.OriginalDefinition);
            return method.Name switch
            {
                "Run" or "RunAsync" => first.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T ||
                    Is(known.IAsyncEnumerable) || Is(known.TextSource),
                "RunUtf8" => Is(known.TextSource) || Is(known.Stream),
                "AddToSilo" => Is(known.SiloBuilder),
                "RunOnClusterAsync" => Is(known.ClusterExecutor),
                _ => false,
            };
        }

        /// <summary>Checks a marked method; returns false when it is no method at all (MRG0016) and must be ignored.</summary>
        private static bool CheckMethod(IMethodSymbol method, string role, string attributeName, INamedTypeSymbol? attributeType, List<Diagnostic> diagnostics)
        {
            if (method.MethodKind != MethodKind.Ordinary)
            {
                // Accessors, operators, constructors, explicit interface implementations: on the attribute.
                diagnostics.Add(Diagnostic.Create(
                    DiagnosticDescriptors.InvalidAttributeTarget, AttributeLocation(method, attributeType),
                    attributeName, DescribeKind(method), role));
                return false;
            }

            if (method.IsAbstract || method.IsExtern)
            {
                diagnostics.Add(Diagnostic.Create(
                    DiagnosticDescriptors.AbstractOrExternMethod, NameLocation(method), role, method.Name,
                    method.IsAbstract ? "abstract" : "extern"));
            }

            if (!method.IsStatic)
            {
                diagnostics.Add(Diagnostic.Create(
                    DiagnosticDescriptors.MethodNotStatic, NameLocation(method), role, method.Name));
            }

            if (method.IsGenericMethod)
            {
                diagnostics.Add(Diagnostic.Create(
                    DiagnosticDescriptors.MethodIsGeneric, NameLocation(method), role, method.Name));
            }

            return true;
        }

        private static string DescribeKind(IMethodSymbol method) => method.MethodKind switch
        {
            MethodKind.PropertyGet or MethodKind.PropertySet => $"the accessor of property '{method.AssociatedSymbol?.Name}'",
            MethodKind.EventAdd or MethodKind.EventRemove => $"the accessor of event '{method.AssociatedSymbol?.Name}'",
            MethodKind.Constructor or MethodKind.StaticConstructor => "a constructor",
            MethodKind.UserDefinedOperator or MethodKind.Conversion => $"the operator '{method.Name}'",
            MethodKind.LocalFunction => $"the local function '{method.Name}'",
            MethodKind.AnonymousFunction => "a lambda",
            MethodKind.ExplicitInterfaceImplementation => $"the explicit interface implementation '{method.Name}'",
            _ => $"'{method.Name}'",
        };

        private static JobModel? BuildModel(
            INamedTypeSymbol jobType, string jobName, JobParts parts, KnownTypes known, List<Diagnostic> diagnostics,
            CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            IMethodSymbol reducer = parts.Reducer;
            var mapperReads = new List<MapperRead>();
            foreach (IMethodSymbol mapper in parts.Mappers)
            {
                if (ReadMapper(mapper, known, diagnostics) is { } read)
                {
                    mapperReads.Add(read);
                }
            }

            if (mapperReads.Count != parts.Mappers.Count)
            {
                return null;
            }

            MapperRead first = mapperReads[0];
            ITypeSymbol key = first.Key;
            ITypeSymbol value = first.Value;
            bool ok = true;
            for (int i = 1; i < mapperReads.Count; i++)
            {
                MapperRead other = mapperReads[i];
                if (!SameType(other.Key, key) || !SameType(other.Value, value))
                {
                    diagnostics.Add(Diagnostic.Create(
                        DiagnosticDescriptors.MapperTypesDiffer, KeyLocation(other.Method, other.Shape), other.Method.Name,
                        Display(other.Key), Display(other.Value), first.Method.Name, Display(key), Display(value)));
                    ok = false;
                }
            }

            IMethodSymbol? combiner = parts.Combiner;
            if (combiner is not null && !ReadCombiner(combiner, value, diagnostics))
            {
                ok = false;
            }

            if (!ok)
            {
                return null;
            }

            if (ReadReducer(reducer, first.Method, key, value, combiner is not null, known, diagnostics) is not { } reduce)
            {
                return null;
            }

            ITypeSymbol result = reduce.Result;
            if (combiner is not null && reduce.Shape == ReducerShape.Fold)
            {
                diagnostics.Add(Diagnostic.Create(
                    DiagnosticDescriptors.CombinerWithFoldReducer, NameLocation(combiner), jobName, combiner.Name, reducer.Name, Display(value)));
                return null;
            }

            // The job's parameters: the first method that takes them decides the type; the others must agree.
            ITypeSymbol? parameters = null;
            IMethodSymbol? parametersOwner = null;
            var takers = mapperReads.Select(m => (m.Method, Role: "mapper", m.Extras)).Concat(new[] { (Method: reducer, Role: "reducer", reduce.Extras) });
            foreach ((IMethodSymbol method, string role, List<Extra> extras) in takers)
            {
                foreach (Extra extra in extras.Where(e => e.Kind == 'P'))
                {
                    if (parameters is null)
                    {
                        parameters = extra.Parameter.Type;
                        parametersOwner = method;
                    }
                    else if (!SameType(parameters, extra.Parameter.Type))
                    {
                        diagnostics.Add(Diagnostic.Create(
                            DiagnosticDescriptors.ParametersTypeMismatch, ParameterLocation(extra.Parameter), role, method.Name,
                            Display(extra.Parameter.Type), SymbolEqualityComparer.Default.Equals(parametersOwner, reducer) ? "reducer" : "mapper", parametersOwner!.Name, Display(parameters)));
                        ok = false;
                    }
                }
            }

            // Helpers: comparers and the partitioner.
            bool sortByKey = SortsByKey(reducer, known) || parts.KeyComparer is not null;
            if (parts.KeyComparer is { } keyComparer)
            {
                ok &= ReadComparer(keyComparer, "KeyComparer", key, diagnostics);
            }

            if (parts.ValueComparer is { } valueComparer)
            {
                ok &= ReadComparer(valueComparer, "ValueComparer", value, diagnostics);
                if (reduce.Shape is ReducerShape.Fold or ReducerShape.Finish)
                {
                    diagnostics.Add(Diagnostic.Create(
                        DiagnosticDescriptors.ValueComparerWithoutValues, NameLocation(valueComparer), valueComparer.Name, reducer.Name,
                        reduce.Shape == ReducerShape.Fold ? "is a fold of two values" : "takes one combined value"));
                    ok = false;
                }
            }

            if (parts.OutputComparer is { } outputComparer)
            {
                ok &= ReadComparer(outputComparer, "OutputComparer", result, diagnostics);
            }

            if (parts.Partitioner is { } partitioner)
            {
                ok &= ReadPartitioner(partitioner, key, diagnostics);
                if (sortByKey)
                {
                    diagnostics.Add(Diagnostic.Create(
                        DiagnosticDescriptors.PartitionerWithSortedKeys, NameLocation(partitioner), jobName, partitioner.Name));
                    ok = false;
                }
            }

            if (sortByKey && parts.KeyComparer is null && !IsOrderable(key, known))
            {
                diagnostics.Add(Diagnostic.Create(
                    DiagnosticDescriptors.UnorderedKey, AttributeLocation(reducer, known.ReducerAttribute), jobName, Display(key)));
                ok = false;
            }

            if (!ok)
            {
                return null;
            }

            var types = new List<(ITypeSymbol Type, bool IsResult, IMethodSymbol Method, string Role)>();
            foreach (MapperRead read in mapperReads)
            {
                types.Add((read.Input, false, read.Method, "mapper"));
            }

            types.Add((key, false, first.Method, "mapper"));
            types.Add((value, false, first.Method, "mapper"));
            types.Add((result, true, reducer, "reducer"));
            if (parameters is not null)
            {
                types.Add((parameters, false, parametersOwner!, SymbolEqualityComparer.Default.Equals(parametersOwner, reducer) ? "reducer" : "mapper"));
            }

            if (types.Any(t => ContainsErrorType(t.Type)))
            {
                // The compiler already reports the missing type; generating would only add noise.
                return null;
            }

            foreach ((ITypeSymbol type, bool isResult, IMethodSymbol method, _) in types)
            {
                if (UnsupportedTypeProblem(type) is { } unsupported)
                {
                    // Generic interfaces cannot take pointers or dynamic: generating would only add compiler errors.
                    diagnostics.Add(isResult
                        ? Diagnostic.Create(DiagnosticDescriptors.InvalidReducerShape, ReturnTypeLocation(reducer), reducer.Name, "returns " + unsupported)
                        : SymbolEqualityComparer.Default.Equals(method, reducer)
                            ? Diagnostic.Create(DiagnosticDescriptors.InvalidReducerShape, NameLocation(reducer), reducer.Name, "uses " + unsupported)
                            : Diagnostic.Create(DiagnosticDescriptors.InvalidMapperShape, NameLocation(method), method.Name, "uses " + unsupported));
                    return null;
                }
            }

            string accessibility = "public";
            foreach ((ITypeSymbol type, _, IMethodSymbol method, string role) in types)
            {
                Accessibility effective = EffectiveAccessibility(type);
                if (effective is Accessibility.Private or Accessibility.Protected or Accessibility.ProtectedAndInternal)
                {
                    diagnostics.Add(Diagnostic.Create(
                        DiagnosticDescriptors.InaccessibleType, NameLocation(method), type.ToDisplayString(MessageFormat),
                        role, method.Name, effective == Accessibility.Private ? "private" : "protected"));
                }
                else if (effective != Accessibility.Public)
                {
                    accessibility = "internal";
                }
            }

            if (EffectiveAccessibility(jobType) != Accessibility.Public)
            {
                accessibility = "internal";
            }

            if (!HasValueEquality(key, known) && !parts.Mappers.Any(m => AllowsReferenceEqualityKeys(m, known)))
            {
                diagnostics.Add(Diagnostic.Create(
                    DiagnosticDescriptors.KeyWithoutValueEquality, KeyLocation(first.Method, first.Shape),
                    key.ToDisplayString(MessageFormat), jobName));
            }

            // Same types, but the reducer may annotate nullability differently from the mapper (string? keys, a
            // reducer taking string): the generated calls then suppress the nullable warnings they would raise.
            bool nullabilityDiffers = reduce.Shape == ReducerShape.Fold
                ? !SameNullability(reducer.Parameters[0].Type, value) || !SameNullability(reducer.Parameters[1].Type, value) ||
                  !SameNullability(reducer.ReturnType, value)
                : !SameNullability(reducer.Parameters[0].Type, key) ||
                  (reduce.Shape == ReducerShape.Finish
                      ? !SameNullability(reducer.Parameters[1].Type, value)
                      : GroupValueType(reducer.Parameters[1].Type, known, out _) is not { } groupValue || !SameNullability(groupValue, value));
            if (combiner is not null)
            {
                nullabilityDiffers |= !SameNullability(combiner.Parameters[0].Type, value) || !SameNullability(combiner.Parameters[1].Type, value) ||
                    !SameNullability(combiner.ReturnType, value);
            }

            var containing = new List<ContainingTypeModel>();
            for (INamedTypeSymbol? type = jobType; type is not null; type = type.ContainingType)
            {
                containing.Insert(0, new ContainingTypeModel(Keyword(type), type.Name));
            }

            bool classic = mapperReads.Count == 1 && first.Extras.Count == 0 && reduce.Extras.Count == 0 && !reduce.WritesRecords &&
                reduce.Shape != ReducerShape.Finish && combiner is null && !sortByKey && parts.ValueComparer is null &&
                parts.OutputComparer is null && parts.Partitioner is null;
            var mapperModels = new List<MapperModel>();
            var takenNames = new HashSet<string>(System.StringComparer.Ordinal) { "options", "parameters", "cancellationToken", "cluster", "silo" };
            foreach (MapperRead read in mapperReads)
            {
                string name = mapperReads.Count == 1 ? "inputs" : read.Method.Parameters[0].Name;
                string unique = name;
                for (int n = 2; !takenNames.Add(unique); n++)
                {
                    unique = name + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                mapperModels.Add(new MapperModel
                {
                    Name = read.Method.Name,
                    Shape = read.Shape,
                    InputType = read.Input.ToDisplayString(TypeFormat),
                    InputIsString = read.Input.SpecialType == SpecialType.System_String,
                    ReturnsNullable = read.Shape == MapperShape.Enumerable && read.Method.ReturnNullableAnnotation == NullableAnnotation.Annotated,
                    Arguments = new string(read.Extras.Select(e => e.Kind).ToArray()),
                    InputName = unique,
                    InputParameter = SyntaxFacts.GetKeywordKind(unique) == SyntaxKind.None ? unique : "@" + unique,
                });
            }

            string? ns = jobType.ContainingNamespace is { IsGlobalNamespace: false } n0 ? n0.ToDisplayString() : null;
            string dottedTypes = string.Join(".", containing.Select(t => t.Name));
            return new JobModel
            {
                Namespace = ns,
                Types = new EquatableArray<ContainingTypeModel>(containing),
                Name = ns is null ? dottedTypes : ns + "." + dottedTypes,
                HintName = (ns is null ? dottedTypes : ns + "." + dottedTypes) + ".MapReduce.g.cs",
                Accessibility = accessibility,
                InputType = first.Input.ToDisplayString(TypeFormat),
                KeyType = key.ToDisplayString(TypeFormat),
                ValueType = value.ToDisplayString(TypeFormat),
                ResultType = result.ToDisplayString(TypeFormat),
                MapperShape = first.Shape,
                MapperName = first.Method.Name,
                ReducerShape = reduce.Shape,
                ReducerName = reducer.Name,
                ReducerNullabilityDiffers = nullabilityDiffers,
                MapperReturnsNullable = first.Shape == MapperShape.Enumerable && first.Method.ReturnNullableAnnotation == NullableAnnotation.Annotated,
                KeyHashExpression = KeyCodeBuilder.Hash(key),
                KeyedHashExpression = KeyCodeBuilder.KeyedHashExpression(key),
                KeyEqualityExpression = KeyCodeBuilder.Equality(key),
                KeyIsString = key.SpecialType == SpecialType.System_String,
                InputIsString = first.Input.SpecialType == SpecialType.System_String,
                ClusterMembers = known.HasClusterBackend && !IsNullable(key),
                Utf8Members = classic && reduce.Shape == ReducerShape.Fold && first.Input.SpecialType == SpecialType.System_String &&
                    ImplementsUtf8Mapper(jobType, key, value, known),
                IsClassic = classic,
                Mappers = new EquatableArray<MapperModel>(mapperModels),
                ParametersType = parameters?.ToDisplayString(TypeFormat),
                ReducerArguments = new string(reduce.Extras.Select(e => e.Kind).ToArray()),
                WritesRecords = reduce.WritesRecords,
                CombinerName = combiner?.Name,
                SortByKey = sortByKey,
                KeyComparerName = parts.KeyComparer?.Name,
                ValueComparerName = parts.ValueComparer?.Name,
                OutputComparerName = parts.OutputComparer?.Name,
                PartitionerName = parts.Partitioner?.Name,
                KeyCompareExpression = parts.KeyComparer is null ? KeyCodeBuilder.Compare(key, known) : null,
            };
        }

        /// <summary>What one mapper declares.</summary>
        private sealed class MapperRead
        {
            public MapperRead(IMethodSymbol method, ITypeSymbol input, ITypeSymbol key, ITypeSymbol value, MapperShape shape, List<Extra> extras)
            {
                Method = method;
                Input = input;
                Key = key;
                Value = value;
                Shape = shape;
                Extras = extras;
            }

            public IMethodSymbol Method { get; }

            public ITypeSymbol Input { get; }

            public ITypeSymbol Key { get; }

            public ITypeSymbol Value { get; }

            public MapperShape Shape { get; }

            public List<Extra> Extras { get; }
        }

        /// <summary>What the reducer declares.</summary>
        private sealed class ReducerRead
        {
            public ReducerRead(ITypeSymbol result, ReducerShape shape, bool writesRecords, List<Extra> extras)
            {
                Result = result;
                Shape = shape;
                WritesRecords = writesRecords;
                Extras = extras;
            }

            public ITypeSymbol Result { get; }

            public ReducerShape Shape { get; }

            public bool WritesRecords { get; }

            public List<Extra> Extras { get; }
        }

        /// <summary>A parameter after a method's required ones: the job's parameters (<c>P</c>) or its counters (<c>C</c>).</summary>
        private readonly struct Extra
        {
            public Extra(char kind, IParameterSymbol parameter)
            {
                Kind = kind;
                Parameter = parameter;
            }

            public char Kind { get; }

            public IParameterSymbol Parameter { get; }
        }

        private static string Display(ITypeSymbol type) => type.ToDisplayString(MessageFormat);

        /// <summary>Whether the reducer asks for sorted output: <c>[Reducer(SortByKey = true)]</c>.</summary>
        private static bool SortsByKey(IMethodSymbol reducer, KnownTypes known) =>
            reducer.GetAttributes().Any(attribute =>
                known.IsReducer(attribute) &&
                attribute.NamedArguments.Any(argument => argument.Key == "SortByKey" && argument.Value.Value is true));

        /// <summary>
        /// Reads the parameters after a method's required ones: at most one of the job's parameters (any type) and at most
        /// one <c>Counters</c>, by value, in either order. Reports MRG0023 on the first that breaks the rule.
        /// </summary>
        private static List<Extra>? ReadExtras(IMethodSymbol method, int start, string role, KnownTypes known, List<Diagnostic> diagnostics)
        {
            var extras = new List<Extra>();
            for (int i = start; i < method.Parameters.Length; i++)
            {
                IParameterSymbol parameter = method.Parameters[i];
                string? problem = null;
                if (parameter.RefKind != RefKind.None)
                {
                    problem = $"takes '{parameter.Name}' by '{RefKindText(parameter.RefKind)}'";
                }
                else if (known.IsCounters(parameter.Type))
                {
                    if (extras.Any(e => e.Kind == 'C'))
                    {
                        problem = $"takes a second Counters, '{parameter.Name}'";
                    }
                    else
                    {
                        extras.Add(new Extra('C', parameter));
                    }
                }
                else if (extras.FirstOrDefault(e => e.Kind == 'P') is { Parameter: { } earlier })
                {
                    problem = $"takes '{parameter.Name}' after the parameters '{earlier.Name}'; the job's parameters are one object";
                }
                else if (parameter.Type is INamedTypeSymbol named &&
                         (SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, known.Emitter) ||
                          SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, known.RecordOutput)))
                {
                    problem = $"takes '{parameter.Name}' of type '{Display(parameter.Type)}' where only the job's parameters or a Counters may follow";
                }
                else if (parameter.Type.IsRefLikeType)
                {
                    problem = $"takes '{parameter.Name}' of the ref struct type '{Display(parameter.Type)}', which cannot be a run's parameters";
                }
                else
                {
                    extras.Add(new Extra('P', parameter));
                }

                if (problem is not null)
                {
                    diagnostics.Add(Diagnostic.Create(
                        DiagnosticDescriptors.InvalidExtraParameter, ParameterLocation(parameter), role, method.Name, problem));
                    return null;
                }
            }

            return extras;
        }

        private static MapperRead? ReadMapper(IMethodSymbol mapper, KnownTypes known, List<Diagnostic> diagnostics)
        {
            ITypeSymbol? input = null;
            ITypeSymbol? key = null;
            ITypeSymbol? value = null;
            MapperShape shape = MapperShape.Emitter;
            int extrasStart = 1;
            string? problem = null;
            Location location = NameLocation(mapper);
            var parameters = mapper.Parameters;
            if (parameters.Length == 0)
            {
                problem = "takes no input";
            }
            else if (parameters[0].RefKind != RefKind.None)
            {
                problem = $"takes its input by '{RefKindText(parameters[0].RefKind)}'; take it by value";
                location = ParameterLocation(parameters[0]);
            }
            else if (mapper.ReturnsVoid)
            {
                if (parameters.Length < 2)
                {
                    problem = "returns void but has no Emitter<TKey, TValue> parameter";
                }
                else if (parameters[1].Type is not INamedTypeSymbol emitter ||
                         !SymbolEqualityComparer.Default.Equals(emitter.OriginalDefinition, known.Emitter))
                {
                    problem = $"returns void but its second parameter is '{parameters[1].Type.ToDisplayString(MessageFormat)}', not Emitter<TKey, TValue>";
                    location = ParameterLocation(parameters[1]);
                }
                else if (parameters[1].RefKind != RefKind.None)
                {
                    problem = $"takes its Emitter by '{RefKindText(parameters[1].RefKind)}'; take it by value";
                    location = ParameterLocation(parameters[1]);
                }
                else
                {
                    input = parameters[0].Type;
                    key = emitter.TypeArguments[0];
                    value = emitter.TypeArguments[1];
                    shape = MapperShape.Emitter;
                    extrasStart = 2;
                }
            }
            else if (mapper.ReturnsByRef || mapper.ReturnsByRefReadonly)
            {
                problem = "returns by reference";
            }
            else if (PairElementTypes(mapper.ReturnType, known) is not { } pair)
            {
                // The return type decides which form the mapper was meant to be: check it before the parameters.
                problem = $"returns '{mapper.ReturnType.ToDisplayString(MessageFormat)}', which is neither void nor IEnumerable<(TKey Key, TValue Value)>";
            }
            else if (parameters.Skip(1).FirstOrDefault(p => p.Type is INamedTypeSymbol t && SymbolEqualityComparer.Default.Equals(t.OriginalDefinition, known.Emitter)) is { } emitterParameter)
            {
                problem = "returns a sequence of pairs and also takes an Emitter<TKey, TValue>; use one or the other";
                location = ParameterLocation(emitterParameter);
            }
            else
            {
                input = parameters[0].Type;
                key = pair.Key;
                value = pair.Value;
                shape = MapperShape.Enumerable;
            }

            if (problem is null && input!.IsRefLikeType)
            {
                problem = $"takes the ref struct '{input.ToDisplayString(MessageFormat)}' as input, which cannot be held in a sequence of inputs";
                location = ParameterLocation(parameters[0]);
            }

            if (problem is null && (key!.IsRefLikeType || value!.IsRefLikeType))
            {
                problem = "emits a ref struct, which cannot be stored in a table";
            }

            if (problem is not null)
            {
                diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.InvalidMapperShape, location, mapper.Name, problem));
                return null;
            }

            return ReadExtras(mapper, extrasStart, "mapper", known, diagnostics) is { } extras
                ? new MapperRead(mapper, input!, key!, value!, shape, extras)
                : null;
        }

        private static ReducerRead? ReadReducer(
            IMethodSymbol reducer, IMethodSymbol mapper, ITypeSymbol key, ITypeSymbol value, bool hasCombiner, KnownTypes known,
            List<Diagnostic> diagnostics)
        {
            var parameters = reducer.Parameters;
            string? problem = null;
            Location location = NameLocation(reducer);
            bool records = reducer.ReturnsVoid;
            ITypeSymbol? recordType = null;
            if (reducer.ReturnsByRef || reducer.ReturnsByRefReadonly)
            {
                problem = "returns by reference";
            }
            else if (parameters.Length < 2)
            {
                problem = $"has {parameters.Length} parameter{(parameters.Length == 1 ? "" : "s")}; a reducer takes two values to fold, or a key and its values";
            }
            else if (parameters.Take(records ? 3 : 2).FirstOrDefault(p => p.RefKind != RefKind.None) is { } byRef)
            {
                problem = $"takes '{byRef.Name}' by '{RefKindText(byRef.RefKind)}'; take it by value";
                location = ParameterLocation(byRef);
            }
            else if (records)
            {
                if (parameters.Length < 3 || parameters[2].Type is not INamedTypeSymbol output ||
                    !SymbolEqualityComparer.Default.Equals(output.OriginalDefinition, known.RecordOutput))
                {
                    problem = "returns void but takes no RecordOutput<TRecord> after the values; a reducer returns the key's result or writes records to a RecordOutput<TRecord>";
                }
                else
                {
                    recordType = output.TypeArguments[0];
                    if (recordType.IsRefLikeType)
                    {
                        problem = "writes records of a ref struct type, which cannot be stored in a result";
                        location = ParameterLocation(parameters[2]);
                    }
                }
            }
            else if (reducer.ReturnType.IsRefLikeType)
            {
                problem = "returns a ref struct, which cannot be stored in a result";
            }

            if (problem is not null)
            {
                diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.InvalidReducerShape, location, reducer.Name, problem));
                return null;
            }

            int extrasStart = records ? 3 : 2;
            ITypeSymbol second = parameters[1].Type;
            ITypeSymbol? groupValues = GroupValueType(second, known, out ReducerShape groupShape);
            ReducerShape shape;
            bool ok = true;
            if (groupValues is not null)
            {
                ok &= CheckKey(parameters[0]);
                if (!SameType(groupValues, value))
                {
                    diagnostics.Add(Diagnostic.Create(
                        DiagnosticDescriptors.ValueTypeMismatch, ParameterLocation(parameters[1]), reducer.Name,
                        groupValues.ToDisplayString(MessageFormat), mapper.Name, value.ToDisplayString(MessageFormat)));
                    ok = false;
                }

                shape = groupShape;
            }
            else if (!records && parameters.Length == 2 && SameType(parameters[0].Type, second) &&
                     !(hasCombiner && SameType(parameters[0].Type, key)))
            {
                // A fold: (TValue left, TValue right) -> TValue. With a combiner, (TKey, TValue) where both are one type
                // is a finishing reducer.
                if (!SameType(parameters[0].Type, value))
                {
                    diagnostics.Add(Diagnostic.Create(
                        DiagnosticDescriptors.ValueTypeMismatch, ParameterLocation(parameters[0]), reducer.Name,
                        parameters[0].Type.ToDisplayString(MessageFormat), mapper.Name, value.ToDisplayString(MessageFormat)));
                    return null;
                }

                if (!SameType(reducer.ReturnType, value))
                {
                    diagnostics.Add(Diagnostic.Create(
                        DiagnosticDescriptors.FoldResultMismatch, ReturnTypeLocation(reducer), reducer.Name,
                        reducer.ReturnType.ToDisplayString(MessageFormat), value.ToDisplayString(MessageFormat)));
                    return null;
                }

                return new ReducerRead(value, ReducerShape.Fold, writesRecords: false, new List<Extra>());
            }
            else if (SameType(second, value))
            {
                // A finishing reducer: (TKey key, TValue combined).
                ok &= CheckKey(parameters[0]);
                if (!hasCombiner)
                {
                    diagnostics.Add(Diagnostic.Create(
                        DiagnosticDescriptors.FinishingReducerWithoutCombiner, ParameterLocation(parameters[1]), reducer.Name, Display(value)));
                    ok = false;
                }

                shape = ReducerShape.Finish;
            }
            else
            {
                diagnostics.Add(Diagnostic.Create(
                    DiagnosticDescriptors.InvalidReducerShape, ParameterLocation(parameters[1]), reducer.Name,
                    $"takes '{parameters[0].Type.ToDisplayString(MessageFormat)}' and '{second.ToDisplayString(MessageFormat)}', which is neither a fold of two values nor a key with ReadOnlySpan<TValue> or IReadOnlyList<TValue>"));
                return null;
            }

            List<Extra>? extras = ReadExtras(reducer, extrasStart, "reducer", known, diagnostics);
            return ok && extras is not null ? new ReducerRead(recordType ?? reducer.ReturnType, shape, records, extras) : null;

            bool CheckKey(IParameterSymbol parameter)
            {
                if (SameType(parameter.Type, key))
                {
                    return true;
                }

                diagnostics.Add(Diagnostic.Create(
                    DiagnosticDescriptors.KeyTypeMismatch, ParameterLocation(parameter), reducer.Name,
                    parameter.Type.ToDisplayString(MessageFormat), mapper.Name, key.ToDisplayString(MessageFormat)));
                return false;
            }
        }

        private static bool ReadCombiner(IMethodSymbol combiner, ITypeSymbol value, List<Diagnostic> diagnostics)
        {
            var parameters = combiner.Parameters;
            string? problem = null;
            Location location = NameLocation(combiner);
            if (combiner.ReturnsVoid || combiner.ReturnsByRef || combiner.ReturnsByRefReadonly || !SameType(combiner.ReturnType, value))
            {
                problem = combiner.ReturnsVoid ? "returns void" : $"returns '{Display(combiner.ReturnType)}'";
                location = combiner.ReturnsVoid ? location : ReturnTypeLocation(combiner);
            }
            else if (parameters.Length != 2)
            {
                problem = $"has {parameters.Length} parameter{(parameters.Length == 1 ? "" : "s")}; a combiner takes two values";
            }
            else if (parameters.FirstOrDefault(p => p.RefKind != RefKind.None) is { } byRef)
            {
                problem = $"takes '{byRef.Name}' by '{RefKindText(byRef.RefKind)}'";
                location = ParameterLocation(byRef);
            }
            else if (parameters.FirstOrDefault(p => !SameType(p.Type, value)) is { } other)
            {
                problem = $"takes '{Display(other.Type)}', but the mappers emit values of type '{Display(value)}'";
                location = ParameterLocation(other);
            }

            if (problem is null)
            {
                return true;
            }

            diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.InvalidCombinerShape, location, combiner.Name, problem, Display(value)));
            return false;
        }

        private static bool ReadComparer(IMethodSymbol comparer, string attribute, ITypeSymbol compared, List<Diagnostic> diagnostics)
        {
            var parameters = comparer.Parameters;
            string? problem = null;
            Location location = NameLocation(comparer);
            if (comparer.ReturnType.SpecialType != SpecialType.System_Int32 || comparer.ReturnsByRef || comparer.ReturnsByRefReadonly)
            {
                problem = $"returns '{Display(comparer.ReturnType)}'";
                location = comparer.ReturnsVoid ? location : ReturnTypeLocation(comparer);
            }
            else if (parameters.Length != 2)
            {
                problem = $"has {parameters.Length} parameter{(parameters.Length == 1 ? "" : "s")}; a comparer takes two";
            }
            else if (parameters.FirstOrDefault(p => p.RefKind != RefKind.None) is { } byRef)
            {
                problem = $"takes '{byRef.Name}' by '{RefKindText(byRef.RefKind)}'";
                location = ParameterLocation(byRef);
            }
            else if (parameters.FirstOrDefault(p => !SameType(p.Type, compared)) is { } other)
            {
                problem = $"takes '{Display(other.Type)}', but it orders values of type '{Display(compared)}'";
                location = ParameterLocation(other);
            }

            if (problem is null)
            {
                return true;
            }

            diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.InvalidComparerShape, location, attribute, comparer.Name, problem, Display(compared)));
            return false;
        }

        private static bool ReadPartitioner(IMethodSymbol partitioner, ITypeSymbol key, List<Diagnostic> diagnostics)
        {
            var parameters = partitioner.Parameters;
            string? problem = null;
            Location location = NameLocation(partitioner);
            if (partitioner.ReturnType.SpecialType != SpecialType.System_Int32 || partitioner.ReturnsByRef || partitioner.ReturnsByRefReadonly)
            {
                problem = $"returns '{Display(partitioner.ReturnType)}'";
                location = partitioner.ReturnsVoid ? location : ReturnTypeLocation(partitioner);
            }
            else if (parameters.Length != 2)
            {
                problem = $"has {parameters.Length} parameter{(parameters.Length == 1 ? "" : "s")}; a partitioner takes a key and the partition count";
            }
            else if (parameters.FirstOrDefault(p => p.RefKind != RefKind.None) is { } byRef)
            {
                problem = $"takes '{byRef.Name}' by '{RefKindText(byRef.RefKind)}'";
                location = ParameterLocation(byRef);
            }
            else if (!SameType(parameters[0].Type, key))
            {
                problem = $"takes '{Display(parameters[0].Type)}', but the job's keys are '{Display(key)}'";
                location = ParameterLocation(parameters[0]);
            }
            else if (parameters[1].Type.SpecialType != SpecialType.System_Int32)
            {
                problem = $"takes '{Display(parameters[1].Type)}' as the partition count, not 'int'";
                location = ParameterLocation(parameters[1]);
            }

            if (problem is null)
            {
                return true;
            }

            diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.InvalidPartitionerShape, location, partitioner.Name, problem, Display(key)));
            return false;
        }

        /// <summary>
        /// Whether keys of a type can be sorted without a <c>[KeyComparer]</c>: strings, primitives and enums, types with
        /// their own <c>IComparable</c>, and tuples and records (compared member by member).
        /// </summary>
        public static bool IsOrderable(ITypeSymbol type, KnownTypes known) =>
            type.SpecialType is SpecialType.System_String or SpecialType.System_Boolean or SpecialType.System_Char or
                SpecialType.System_SByte or SpecialType.System_Byte or SpecialType.System_Int16 or SpecialType.System_UInt16 or
                SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int64 or SpecialType.System_UInt64 or
                SpecialType.System_Single or SpecialType.System_Double or SpecialType.System_Decimal or SpecialType.System_DateTime ||
            type.TypeKind == TypeKind.Enum ||
            IsComparable(type, known) ||
            type is INamedTypeSymbol { IsTupleType: true } or INamedTypeSymbol { IsRecord: true } ||
            (type is INamedTypeSymbol nullable && nullable.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T &&
             IsOrderable(nullable.TypeArguments[0], known));

        /// <summary>Whether a type implements <c>IComparable</c> or <c>IComparable&lt;T&gt;</c> (of itself).</summary>
        public static bool IsComparable(ITypeSymbol type, KnownTypes known) =>
            type.AllInterfaces.Any(i =>
                SymbolEqualityComparer.Default.Equals(i, known.IComparable) ||
                (SymbolEqualityComparer.Default.Equals(i.OriginalDefinition, known.IComparableOfT) &&
                 SymbolEqualityComparer.Default.Equals(i.TypeArguments[0], type)));

        private static ITypeSymbol? GroupValueType(ITypeSymbol type, KnownTypes known, out ReducerShape shape)
        {
            shape = ReducerShape.GroupSpan;
            if (type is INamedTypeSymbol { TypeArguments.Length: 1 } named)
            {
                if (SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, known.ReadOnlySpan))
                {
                    shape = ReducerShape.GroupSpan;
                    return named.TypeArguments[0];
                }

                if (SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, known.IReadOnlyList))
                {
                    shape = ReducerShape.GroupList;
                    return named.TypeArguments[0];
                }
            }

            return null;
        }

        private static (ITypeSymbol Key, ITypeSymbol Value)? PairElementTypes(ITypeSymbol returnType, KnownTypes known)
        {
            IEnumerable<INamedTypeSymbol> candidates = returnType is INamedTypeSymbol self
                ? new[] { self }.Concat(returnType.AllInterfaces)
                : returnType.AllInterfaces;
            foreach (INamedTypeSymbol candidate in candidates)
            {
                if (SymbolEqualityComparer.Default.Equals(candidate.OriginalDefinition, known.IEnumerable) &&
                    candidate.TypeArguments[0] is INamedTypeSymbol { IsTupleType: true, TupleElements.Length: 2 } tuple)
                {
                    return (tuple.TupleElements[0].Type, tuple.TupleElements[1].Type);
                }
            }

            return null;
        }

        /// <summary>Whether the mapper opts in to keys compared by reference: <c>[Mapper(AllowReferenceEqualityKeys = true)]</c>.</summary>
        private static bool AllowsReferenceEqualityKeys(IMethodSymbol mapper, KnownTypes known) =>
            mapper.GetAttributes().Any(attribute =>
                known.IsMapper(attribute) &&
                attribute.NamedArguments.Any(argument =>
                    argument.Key == AllowReferenceEqualityKeys && argument.Value.Value is true));

        private static bool HasValueEquality(ITypeSymbol key, KnownTypes known)
        {
            if (!key.IsReferenceType || key.SpecialType == SpecialType.System_String || key.TypeKind != TypeKind.Class)
            {
                return true;
            }

            if (key is INamedTypeSymbol { IsRecord: true })
            {
                return true;
            }

            if (key.AllInterfaces.Any(i =>
                    SymbolEqualityComparer.Default.Equals(i.OriginalDefinition, known.IEquatable) &&
                    SymbolEqualityComparer.Default.Equals(i.TypeArguments[0], key)))
            {
                return true;
            }

            for (ITypeSymbol? type = key; type is not null && type.SpecialType != SpecialType.System_Object; type = type.BaseType)
            {
                if (type.GetMembers("Equals").OfType<IMethodSymbol>().Any(m => m.IsOverride && m.Parameters.Length == 1))
                {
                    return true;
                }
            }

            return false;
        }

        private static Accessibility EffectiveAccessibility(ITypeSymbol type)
        {
            Accessibility result = Accessibility.Public;
            void Visit(ITypeSymbol t)
            {
                switch (t)
                {
                    case IArrayTypeSymbol array:
                        Visit(array.ElementType);
                        return;
                    case IPointerTypeSymbol pointer:
                        Visit(pointer.PointedAtType);
                        return;
                    case INamedTypeSymbol named:
                        for (INamedTypeSymbol? c = named; c is not null; c = c.ContainingType)
                        {
                            result = Narrower(result, c.DeclaredAccessibility);
                        }

                        foreach (ITypeSymbol argument in named.TypeArguments)
                        {
                            Visit(argument);
                        }

                        return;
                }
            }

            Visit(type);
            return result;
        }

        private static Accessibility Narrower(Accessibility current, Accessibility next)
        {
            int Rank(Accessibility a) => a switch
            {
                Accessibility.Public => 4,
                Accessibility.Internal or Accessibility.ProtectedOrInternal => 3,
                Accessibility.Protected => 2,
                Accessibility.ProtectedAndInternal => 1,
                Accessibility.NotApplicable => 4,
                _ => 0,
            };

            return Rank(next) < Rank(current) ? (next == Accessibility.ProtectedOrInternal ? Accessibility.Internal : next) : current;
        }

        /// <summary>Why a type cannot be a job's input, key, value or result (pointers, dynamic), or null.</summary>
        private static string? UnsupportedTypeProblem(ITypeSymbol type)
        {
            string display = type.ToDisplayString(MessageFormat);
            return ContainsKind(type, TypeKind.Pointer) || ContainsKind(type, TypeKind.FunctionPointer)
                ? $"the pointer type '{display}', which cannot be a type argument of the job"
                : ContainsKind(type, TypeKind.Dynamic)
                    ? $"the type '{display}', and 'dynamic' cannot be a type argument of the job; use 'object'"
                    : null;
        }

        private static bool ContainsKind(ITypeSymbol type, TypeKind kind) => type.TypeKind == kind || type switch
        {
            IArrayTypeSymbol array => ContainsKind(array.ElementType, kind),
            IPointerTypeSymbol pointer => ContainsKind(pointer.PointedAtType, kind),
            INamedTypeSymbol named => named.TypeArguments.Any(t => ContainsKind(t, kind)),
            _ => false,
        };

        private static bool ImplementsUtf8Mapper(INamedTypeSymbol jobType, ITypeSymbol key, ITypeSymbol value, KnownTypes known) =>
            known.Utf8TextMapper is not null &&
            jobType.AllInterfaces.Any(i =>
                SymbolEqualityComparer.Default.Equals(i.OriginalDefinition, known.Utf8TextMapper) &&
                SameType(i.TypeArguments[0], key) && SameType(i.TypeArguments[1], value));

        private static bool IsNullable(ITypeSymbol type) =>
            type.NullableAnnotation == NullableAnnotation.Annotated ||
            type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T;

        private static bool ContainsErrorType(ITypeSymbol type) => type switch
        {
            { TypeKind: TypeKind.Error } => true,
            IArrayTypeSymbol array => ContainsErrorType(array.ElementType),
            INamedTypeSymbol named => named.TypeArguments.Any(ContainsErrorType),
            _ => false,
        };

        private static bool SameNullability(ITypeSymbol left, ITypeSymbol right) =>
            SymbolEqualityComparer.IncludeNullability.Equals(left, right);

        private static bool SameType(ITypeSymbol left, ITypeSymbol right) =>
            SymbolEqualityComparer.Default.Equals(left, right);

        private static string Keyword(INamedTypeSymbol type) => type switch
        {
            { IsRecord: true, TypeKind: TypeKind.Struct } => "record struct",
            { IsRecord: true } => "record",
            { TypeKind: TypeKind.Struct, IsRefLikeType: true } => "ref struct",
            { TypeKind: TypeKind.Struct } => "struct",
            { TypeKind: TypeKind.Interface } => "interface",
            _ => "class",
        };

        private static string RefKindText(RefKind kind) => kind switch
        {
            RefKind.Ref => "ref",
            RefKind.Out => "out",
            RefKind.In => "in",
            _ => "ref readonly",
        };

        public static Location NameLocation(ISymbol symbol)
        {
            foreach (SyntaxReference reference in symbol.DeclaringSyntaxReferences)
            {
                SyntaxNode node = reference.GetSyntax();
                SyntaxToken identifier = node switch
                {
                    MethodDeclarationSyntax m => m.Identifier,
                    BaseTypeDeclarationSyntax t => t.Identifier,
                    LocalFunctionStatementSyntax f => f.Identifier,
                    PropertyDeclarationSyntax p => p.Identifier,
                    VariableDeclaratorSyntax v => v.Identifier,
                    _ => default,
                };
                if (identifier != default)
                {
                    return identifier.GetLocation();
                }

                return node.GetLocation();
            }

            return symbol.Locations.FirstOrDefault() ?? Location.None;
        }

        private static Location ParameterLocation(IParameterSymbol parameter) =>
            parameter.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is ParameterSyntax syntax
                ? syntax.GetLocation()
                : parameter.Locations.FirstOrDefault() ?? Location.None;

        private static Location ReturnTypeLocation(IMethodSymbol method) =>
            method.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is MethodDeclarationSyntax syntax
                ? syntax.ReturnType.GetLocation()
                : NameLocation(method);

        private static Location KeyLocation(IMethodSymbol mapper, MapperShape shape) =>
            shape == MapperShape.Emitter && mapper.Parameters.Length >= 2
                ? ParameterLocation(mapper.Parameters[1])
                : ReturnTypeLocation(mapper);

        private static Location AttributeLocation(IMethodSymbol method, INamedTypeSymbol? attributeType)
        {
            foreach (AttributeData attribute in method.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType) &&
                    attribute.ApplicationSyntaxReference?.GetSyntax() is { } syntax)
                {
                    return syntax.GetLocation();
                }
            }

            return NameLocation(method);
        }
    }
}
