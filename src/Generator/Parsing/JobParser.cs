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
                    else if (known.IsReducer(attribute) && !reducers.Contains(method))
                    {
                        reducers.Add(method);
                    }
                }
            }

            if (mappers.Count == 0 && reducers.Count == 0)
            {
                return new JobParseResult(null, diagnostics);
            }

            string jobName = jobType.ToDisplayString(MessageFormat);
            CheckJobType(jobType, jobName, known, diagnostics);

            // Accessors, operators and the like get MRG0016 and are then left out, so they cause no further noise
            // (a second mapper, a shape that matches no form).
            mappers.RemoveAll(method => !CheckMethod(method, "mapper", known.MapperAttribute, diagnostics));
            reducers.RemoveAll(method => !CheckMethod(method, "reducer", known.ReducerAttribute, diagnostics));
            if (mappers.Count == 0 && reducers.Count == 0)
            {
                return new JobParseResult(null, diagnostics);
            }

            for (int i = 1; i < mappers.Count; i++)
            {
                diagnostics.Add(Diagnostic.Create(
                    DiagnosticDescriptors.DuplicateMapper, AttributeLocation(mappers[i], known.MapperAttribute),
                    jobName, mappers[0].Name, mappers[i].Name));
            }

            for (int i = 1; i < reducers.Count; i++)
            {
                diagnostics.Add(Diagnostic.Create(
                    DiagnosticDescriptors.DuplicateReducer, AttributeLocation(reducers[i], known.ReducerAttribute),
                    jobName, reducers[0].Name, reducers[i].Name));
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
                model = BuildModel(jobType, jobName, mappers[0], reducers[0], known, diagnostics, cancellationToken);
            }

            bool hasErrors = diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
            return new JobParseResult(hasErrors ? null : model, diagnostics);
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
        private static bool CheckMethod(IMethodSymbol method, string role, INamedTypeSymbol? attributeType, List<Diagnostic> diagnostics)
        {
            if (method.MethodKind != MethodKind.Ordinary)
            {
                // Accessors, operators, constructors, explicit interface implementations: on the attribute.
                diagnostics.Add(Diagnostic.Create(
                    DiagnosticDescriptors.InvalidAttributeTarget, AttributeLocation(method, attributeType),
                    role == "mapper" ? "Mapper" : "Reducer", DescribeKind(method), role));
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
            INamedTypeSymbol jobType, string jobName, IMethodSymbol mapper, IMethodSymbol reducer, KnownTypes known,
            List<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!ReadMapper(mapper, known, diagnostics, out ITypeSymbol? input, out ITypeSymbol? key, out ITypeSymbol? value, out MapperShape mapperShape))
            {
                return null;
            }

            if (!ReadReducer(reducer, mapper, key!, value!, known, diagnostics, out ITypeSymbol? result, out ReducerShape reducerShape))
            {
                return null;
            }

            if (ContainsErrorType(input!) || ContainsErrorType(key!) || ContainsErrorType(value!) || ContainsErrorType(result!))
            {
                // The compiler already reports the missing type; generating would only add noise.
                return null;
            }

            foreach ((ITypeSymbol type, bool isResult) in new[] { (input!, false), (key!, false), (value!, false), (result!, true) })
            {
                if (UnsupportedTypeProblem(type) is { } unsupported)
                {
                    // Generic interfaces cannot take pointers or dynamic: generating would only add compiler errors.
                    diagnostics.Add(isResult
                        ? Diagnostic.Create(DiagnosticDescriptors.InvalidReducerShape, ReturnTypeLocation(reducer), reducer.Name, "returns " + unsupported)
                        : Diagnostic.Create(DiagnosticDescriptors.InvalidMapperShape, NameLocation(mapper), mapper.Name, "uses " + unsupported));
                    return null;
                }
            }

            string accessibility = "public";
            foreach ((ITypeSymbol type, string role, IMethodSymbol method) in new[]
                     {
                         (input!, "mapper", mapper), (key!, "mapper", mapper), (value!, "mapper", mapper), (result!, "reducer", reducer),
                     })
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

            if (!HasValueEquality(key!, known) && !AllowsReferenceEqualityKeys(mapper, known))
            {
                diagnostics.Add(Diagnostic.Create(
                    DiagnosticDescriptors.KeyWithoutValueEquality, KeyLocation(mapper, mapperShape),
                    key!.ToDisplayString(MessageFormat), jobName));
            }

            // Same types, but the reducer may annotate nullability differently from the mapper (string? keys, a
            // reducer taking string): the generated calls then suppress the nullable warnings they would raise.
            bool nullabilityDiffers = reducerShape == ReducerShape.Fold
                ? !SameNullability(reducer.Parameters[0].Type, value!) || !SameNullability(reducer.Parameters[1].Type, value!) ||
                  !SameNullability(reducer.ReturnType, value!)
                : !SameNullability(reducer.Parameters[0].Type, key!) ||
                  GroupValueType(reducer.Parameters[1].Type, known, out _) is not { } groupValue || !SameNullability(groupValue, value!);

            var types = new List<ContainingTypeModel>();
            for (INamedTypeSymbol? type = jobType; type is not null; type = type.ContainingType)
            {
                types.Insert(0, new ContainingTypeModel(Keyword(type), type.Name));
            }

            string? ns = jobType.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() : null;
            string dottedTypes = string.Join(".", types.Select(t => t.Name));
            return new JobModel
            {
                Namespace = ns,
                Types = new EquatableArray<ContainingTypeModel>(types),
                Name = ns is null ? dottedTypes : ns + "." + dottedTypes,
                HintName = (ns is null ? dottedTypes : ns + "." + dottedTypes) + ".MapReduce.g.cs",
                Accessibility = accessibility,
                InputType = input!.ToDisplayString(TypeFormat),
                KeyType = key!.ToDisplayString(TypeFormat),
                ValueType = value!.ToDisplayString(TypeFormat),
                ResultType = result!.ToDisplayString(TypeFormat),
                MapperShape = mapperShape,
                MapperName = mapper.Name,
                ReducerShape = reducerShape,
                ReducerName = reducer.Name,
                ReducerNullabilityDiffers = nullabilityDiffers,
                MapperReturnsNullable = mapperShape == MapperShape.Enumerable && mapper.ReturnNullableAnnotation == NullableAnnotation.Annotated,
                KeyHashExpression = KeyCodeBuilder.Hash(key!),
                KeyEqualityExpression = KeyCodeBuilder.Equality(key!),
                KeyIsString = key!.SpecialType == SpecialType.System_String,
                InputIsString = input!.SpecialType == SpecialType.System_String,
                ClusterMembers = known.HasClusterBackend && !IsNullable(key!),
                Utf8Members = reducerShape == ReducerShape.Fold && input!.SpecialType == SpecialType.System_String &&
                    ImplementsUtf8Mapper(jobType, key!, value!, known),
            };
        }

        private static bool ReadMapper(
            IMethodSymbol mapper, KnownTypes known, List<Diagnostic> diagnostics,
            out ITypeSymbol? input, out ITypeSymbol? key, out ITypeSymbol? value, out MapperShape shape)
        {
            input = key = value = null;
            shape = MapperShape.Emitter;
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
                if (parameters.Length != 2 ||
                    parameters[1].Type is not INamedTypeSymbol emitter ||
                    !SymbolEqualityComparer.Default.Equals(emitter.OriginalDefinition, known.Emitter))
                {
                    problem = parameters.Length == 1
                        ? "returns void but has no Emitter<TKey, TValue> parameter"
                        : parameters.Length > 2
                            ? $"has {parameters.Length} parameters; a void mapper takes an input and an Emitter<TKey, TValue>"
                            : $"returns void but its second parameter is '{parameters[1].Type.ToDisplayString(MessageFormat)}', not Emitter<TKey, TValue>";
                    if (parameters.Length == 2)
                    {
                        location = ParameterLocation(parameters[1]);
                    }
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
            else if (parameters.Length != 1)
            {
                problem = $"returns a sequence but has {parameters.Length} parameters; it must take only the input";
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
                return false;
            }

            return true;
        }

        private static bool ReadReducer(
            IMethodSymbol reducer, IMethodSymbol mapper, ITypeSymbol key, ITypeSymbol value, KnownTypes known,
            List<Diagnostic> diagnostics, out ITypeSymbol? result, out ReducerShape shape)
        {
            result = null;
            shape = ReducerShape.Fold;
            var parameters = reducer.Parameters;
            string? problem = null;
            Location location = NameLocation(reducer);
            if (reducer.ReturnsVoid)
            {
                problem = "returns void; a reducer returns the key's result";
            }
            else if (reducer.ReturnsByRef || reducer.ReturnsByRefReadonly)
            {
                problem = "returns by reference";
            }
            else if (parameters.Length != 2)
            {
                problem = $"has {parameters.Length} parameter{(parameters.Length == 1 ? "" : "s")}; a reducer takes two";
            }
            else if (parameters.FirstOrDefault(p => p.RefKind != RefKind.None) is { } byRef)
            {
                problem = $"takes '{byRef.Name}' by '{RefKindText(byRef.RefKind)}'; take it by value";
                location = ParameterLocation(byRef);
            }
            else if (reducer.ReturnType.IsRefLikeType)
            {
                problem = "returns a ref struct, which cannot be stored in a result";
            }

            if (problem is not null)
            {
                diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.InvalidReducerShape, location, reducer.Name, problem));
                return false;
            }

            ITypeSymbol second = parameters[1].Type;
            ITypeSymbol? groupValues = GroupValueType(second, known, out ReducerShape groupShape);
            if (groupValues is not null)
            {
                bool ok = true;
                if (!SameType(parameters[0].Type, key))
                {
                    diagnostics.Add(Diagnostic.Create(
                        DiagnosticDescriptors.KeyTypeMismatch, ParameterLocation(parameters[0]), reducer.Name,
                        parameters[0].Type.ToDisplayString(MessageFormat), mapper.Name, key.ToDisplayString(MessageFormat)));
                    ok = false;
                }

                if (!SameType(groupValues, value))
                {
                    diagnostics.Add(Diagnostic.Create(
                        DiagnosticDescriptors.ValueTypeMismatch, ParameterLocation(parameters[1]), reducer.Name,
                        groupValues.ToDisplayString(MessageFormat), mapper.Name, value.ToDisplayString(MessageFormat)));
                    ok = false;
                }

                result = reducer.ReturnType;
                shape = groupShape;
                return ok;
            }

            // A fold: (TValue left, TValue right) -> TValue.
            if (!SameType(parameters[0].Type, parameters[1].Type))
            {
                diagnostics.Add(Diagnostic.Create(
                    DiagnosticDescriptors.InvalidReducerShape, ParameterLocation(parameters[1]), reducer.Name,
                    $"takes '{parameters[0].Type.ToDisplayString(MessageFormat)}' and '{second.ToDisplayString(MessageFormat)}', which is neither a fold of two values nor a key with ReadOnlySpan<TValue> or IReadOnlyList<TValue>"));
                return false;
            }

            if (!SameType(parameters[0].Type, value))
            {
                diagnostics.Add(Diagnostic.Create(
                    DiagnosticDescriptors.ValueTypeMismatch, ParameterLocation(parameters[0]), reducer.Name,
                    parameters[0].Type.ToDisplayString(MessageFormat), mapper.Name, value.ToDisplayString(MessageFormat)));
                return false;
            }

            if (!SameType(reducer.ReturnType, value))
            {
                diagnostics.Add(Diagnostic.Create(
                    DiagnosticDescriptors.FoldResultMismatch, ReturnTypeLocation(reducer), reducer.Name,
                    reducer.ReturnType.ToDisplayString(MessageFormat), value.ToDisplayString(MessageFormat)));
                return false;
            }

            result = value;
            shape = ReducerShape.Fold;
            return true;
        }

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
            shape == MapperShape.Emitter && mapper.Parameters.Length == 2
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
