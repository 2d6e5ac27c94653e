using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MapReduceGen.Generator.Helpers;
using MapReduceGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MapReduceGen.Generator.Parsing
{
    /// <summary>
    /// Decides how a job's key, value and result types are written to bytes and JSON: the runtime's built-in codecs for
    /// numbers, text, dates and byte arrays; its compositions for enums, nullable values, arrays, lists and dictionaries;
    /// and a generated codec class for each record, tuple, class or struct, written member by member and read back through
    /// its primary constructor or an object initializer. A type that cannot be rebuilt from what generated code can read
    /// (an interface, a get-only member no constructor sets, a framework type's hidden state, a type that contains itself)
    /// has no codec; <see cref="Plan"/> says why, for MRG0034.
    /// </summary>
    internal sealed class CodecPlanner
    {
        private const string Codecs = "global::MapReduceGen.Engine.ValueCodecs.";

        /// <summary>
        /// Where an expression names the job struct (<c>{Job}.PointCodec.Instance</c>): the emitter writes the struct's full
        /// name there, so reading a job again on every edit does not format it.
        /// </summary>
        public const string JobStructPlaceholder = "{Job}";

        private readonly INamedTypeSymbol _jobType;
        private readonly KnownTypes _known;
        // By the type itself: the default comparer tells tuples with other element names apart and ignores nullability.
        private readonly Dictionary<ITypeSymbol, Codec> _planned = new Dictionary<ITypeSymbol, Codec>(SymbolEqualityComparer.Default);
        private readonly List<CodecClassModel> _classes = new List<CodecClassModel>();
        private readonly HashSet<string> _classNames = new HashSet<string>(StringComparer.Ordinal);
        private readonly List<ITypeSymbol> _planning = new List<ITypeSymbol>();

        private CodecPlanner(INamedTypeSymbol jobType, KnownTypes known)
        {
            _jobType = jobType;
            _known = known;
        }

        /// <summary>
        /// The codecs of a job's types. <paramref name="keyByReference"/>: its keys are compared by reference, so a key read
        /// back from disk would be another key. Each type that cannot be written is in <paramref name="unwritable"/>, with
        /// why (a phrase whose subject is the type: "is an interface").
        /// </summary>
        public static JobCodecsModel Plan(
            INamedTypeSymbol jobType, ITypeSymbol key, ITypeSymbol value, ITypeSymbol result, bool keyByReference,
            KnownTypes known, out List<(CodecRole Role, ITypeSymbol Type, string Reason)>? unwritable)
        {
            unwritable = null;
            if (!keyByReference && IsBuiltIn(key) && IsBuiltIn(value) && IsBuiltIn(result))
            {
                // The runtime writes them all itself (the most common jobs: read again on every edit, so no work here).
                return JobCodecsModel.None;
            }

            var planner = new CodecPlanner(jobType, known);
            unwritable = new List<(CodecRole, ITypeSymbol, string)>();
            string? keyCodec = keyByReference
                ? Unwritable(CodecRole.Key, key, "is compared by reference (AllowReferenceEqualityKeys), and a key read back from disk would be another object", unwritable)
                : planner.TopLevel(CodecRole.Key, key, nullable: false, unwritable);
            string? valueCodec = planner.TopLevel(CodecRole.Value, value, nullable: true, unwritable);
            string? resultCodec = planner.TopLevel(CodecRole.Result, result, nullable: true, unwritable);
            return keyCodec is null && valueCodec is null && resultCodec is null
                ? JobCodecsModel.None
                : new JobCodecsModel(keyCodec, valueCodec, resultCodec, new EquatableArray<CodecClassModel>(planner._classes));
        }

        private static string? Unwritable(CodecRole role, ITypeSymbol type, string reason, List<(CodecRole, ITypeSymbol, string)> unwritable)
        {
            unwritable.Add((role, type, reason));
            return null;
        }

        /// <summary>The expression of a role's codec, or null (built in, or not writable: then noted).</summary>
        private string? TopLevel(CodecRole role, ITypeSymbol type, bool nullable, List<(CodecRole, ITypeSymbol, string)> unwritable)
        {
            Codec codec = For(type, nullable);
            if (codec.Failure is { } failure)
            {
                return failure.Length == 0 ? null : Unwritable(role, type, failure, unwritable);
            }

            // Built-in types are found by the runtime itself.
            return codec.IsBuiltIn ? null : Cast(codec, TypeFacts.FullName(type));
        }

        /// <summary>
        /// How a type is written. <paramref name="nullable"/>: a reference type may be null there (a value, a member, an item),
        /// so a generated class is wrapped with a presence byte; a key never is.
        /// </summary>
        private Codec For(ITypeSymbol type, bool nullable)
        {
            switch (type)
            {
                case { TypeKind: TypeKind.Error }:
                    return Codec.Silent;
                case { TypeKind: TypeKind.Pointer or TypeKind.FunctionPointer }:
                    return Codec.Fail("is a pointer");
                case { TypeKind: TypeKind.Dynamic }:
                    return Codec.Fail("is 'dynamic', which can hold anything");
                case { TypeKind: TypeKind.TypeParameter }:
                    return Codec.Fail("is a type parameter");
                case IArrayTypeSymbol array:
                    return ArrayOf(array);
                case INamedTypeSymbol named:
                    return Named(named, nullable);
                default:
                    return Codec.Fail("is not a type generated code can write");
            }
        }

        private Codec ArrayOf(IArrayTypeSymbol array)
        {
            if (!array.IsSZArray)
            {
                return Codec.Fail("is a multi-dimensional array");
            }

            if (array.ElementType.SpecialType == SpecialType.System_Byte)
            {
                return Codec.BuiltIn(Codecs + "Bytes", "byte[]?", primitive: null);
            }

            Codec item = For(array.ElementType, nullable: true);
            return item.Failure is { } failure
                ? Codec.Wrap(failure, $"holds items of type '{TypeFacts.Display(array.ElementType)}', which ")
                : Codec.Of($"{Codecs}Array<{item.Natural}>({item.Expression})", item.Natural + "[]?");
        }

        private Codec Named(INamedTypeSymbol type, bool nullable)
        {
            if (type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
            {
                ITypeSymbol inner = type.TypeArguments[0];
                Codec value = For(inner, nullable: false);
                string innerType = NotNullName(inner);
                return value.Failure is not null
                    ? value
                    : Codec.Of($"{Codecs}Nullable<{innerType}>({Cast(value, innerType)})", innerType + "?");
            }

            if (type.TypeKind == TypeKind.Enum)
            {
                string name = NotNullName(type);
                return Codec.Of($"{Codecs}Enum<{name}>()", name);
            }

            if (BuiltIn(type) is { } builtIn)
            {
                return builtIn;
            }

            if (type.IsRefLikeType)
            {
                return Codec.Fail("is a ref struct");
            }

            switch (type.TypeKind)
            {
                case TypeKind.Delegate:
                    return Codec.Fail("is a delegate");
                case TypeKind.Interface:
                    return IsSequenceInterface(type)
                        ? Instance(type, nullable: false)
                        : Codec.Fail("is an interface, so what to read back is unknown");
            }

            if (type.SpecialType == SpecialType.System_Object)
            {
                return Codec.Fail("is 'object', which can hold anything");
            }

            if (TypeFacts.IsConstructedFrom(type, _known.List))
            {
                Codec item = For(type.TypeArguments[0], nullable: true);
                return item.Failure is { } failure
                    ? Codec.Wrap(failure, $"holds items of type '{TypeFacts.Display(type.TypeArguments[0])}', which ")
                    : Codec.Of($"{Codecs}List<{item.Natural}>({item.Expression})", $"global::System.Collections.Generic.List<{item.Natural}>?");
            }

            if (TypeFacts.IsConstructedFrom(type, _known.Dictionary))
            {
                return DictionaryOf(type);
            }

            if (type.IsTupleType)
            {
                return Instance(type, nullable);
            }

            if (IsFrameworkType(type))
            {
                return Codec.Fail($"is a framework type whose state generated code cannot see");
            }

            if (type.IsAbstract)
            {
                return Codec.Fail("is abstract, so what to read back is unknown");
            }

            return type.TypeKind is TypeKind.Class or TypeKind.Struct ? Instance(type, nullable) : Codec.Fail("is not a class or a struct");
        }

        private Codec DictionaryOf(INamedTypeSymbol type)
        {
            ITypeSymbol keyType = type.TypeArguments[0];
            ITypeSymbol valueType = type.TypeArguments[1];
            Codec key = For(keyType, nullable: false);
            if (key.Failure is { } keyFailure)
            {
                return Codec.Wrap(keyFailure, $"has keys of type '{TypeFacts.Display(keyType)}', which ");
            }

            Codec value = For(valueType, nullable: true);
            if (value.Failure is { } valueFailure)
            {
                return Codec.Wrap(valueFailure, $"has values of type '{TypeFacts.Display(valueType)}', which ");
            }

            string keyName = NotNullName(keyType);
            return Codec.Of(
                $"{Codecs}Dictionary<{keyName}, {value.Natural}>({Cast(key, keyName)}, {value.Expression})",
                $"global::System.Collections.Generic.Dictionary<{keyName}, {value.Natural}>?");
        }

        private bool IsSequenceInterface(INamedTypeSymbol type)
        {
            foreach (INamedTypeSymbol sequence in _known.SequenceInterfaces)
            {
                if (TypeFacts.IsConstructedFrom(type, sequence))
                {
                    return true;
                }
            }

            return false;
        }

        private bool IsPlanning(INamedTypeSymbol type)
        {
            foreach (ITypeSymbol planning in _planning)
            {
                if (SymbolEqualityComparer.Default.Equals(planning, type))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The codec class of a record, tuple, class or struct: planned once, then its one instance.</summary>
        private Codec Instance(INamedTypeSymbol type, bool nullable)
        {
            if (!_planned.TryGetValue(type, out Codec codec))
            {
                if (IsPlanning(type))
                {
                    // Reported by the member that leads back here.
                    return Codec.Fail("contains itself");
                }

                _planning.Add(type);
                codec = PlanClass(type);
                _planning.RemoveAt(_planning.Count - 1);
                _planned[type] = codec;
            }

            if (codec.Failure is not null || !nullable || !type.IsReferenceType)
            {
                return codec;
            }

            string name = NotNullName(type);
            return Codec.Of($"{Codecs}OrNull<{name}>({codec.Expression})", name + "?");
        }

        private Codec PlanClass(INamedTypeSymbol type)
        {
            var members = new List<CodecMemberModel>();
            var locals = new HashSet<string>(StringComparer.Ordinal) { "reader" };
            var fields = new HashSet<string>(StringComparer.Ordinal) { "Instance" };
            CodecConstruction construction;
            var arguments = new List<string>();
            if (type.TypeKind == TypeKind.Interface)
            {
                // A sequence: its items as a list (nulls included, as the list codec writes them), read back as a list.
                construction = CodecConstruction.Sequence;
                ITypeSymbol itemType = type.TypeArguments[0];
                Codec item = For(itemType, nullable: true);
                if (item.Failure is { } failure)
                {
                    return Codec.Wrap(failure, $"holds items of type '{TypeFacts.Display(itemType)}', which ");
                }

                string list = $"global::System.Collections.Generic.List<{item.Natural}>";
                members.Add(new CodecMemberModel(
                    "", "", "items", list + "?", null, "Items", $"{Codecs}List<{item.Natural}>({item.Expression})", "", Binary: true, Json: true, Initialized: false));
            }
            else if (type.IsTupleType)
            {
                construction = CodecConstruction.Tuple;
                if (type.TupleElements.Length < 2)
                {
                    return Codec.Fail("is a tuple of one element");
                }

                for (int i = 0; i < type.TupleElements.Length; i++)
                {
                    IFieldSymbol element = type.TupleElements[i];
                    string item = "Item" + (i + 1).ToString(CultureInfo.InvariantCulture);
                    string jsonName = element.IsExplicitlyNamedTupleElement ? element.Name : item;
                    CodecMemberModel? member = Member(Identifier(jsonName), jsonName, element.Type, binary: true, json: true, initialized: false, locals, fields, out string? failure);
                    if (member is null)
                    {
                        return failure!.Length == 0 ? Codec.Silent : Codec.Fail($"has the element '{jsonName}' of type '{TypeFacts.Display(element.Type)}', which {failure}");
                    }

                    members.Add(member);
                    arguments.Add(member.Local);
                }
            }
            else
            {
                // The members first: a get-only one says more than a missing constructor.
                IMethodSymbol? constructor = PrimaryConstructor(type);
                construction = constructor is null ? CodecConstruction.Initializer : CodecConstruction.Constructor;
                if (Members(type, constructor, members, locals, fields, arguments) is { } failure)
                {
                    return Codec.Fail(failure);
                }

                if (constructor is null && !HasParameterlessConstructor(type))
                {
                    return Codec.Fail("has no accessible parameterless constructor and is no record with a primary constructor, so generated code cannot make one");
                }
            }

            string name = ClassName(type);
            string typeName = NotNullName(type);
            string display = type is { IsTupleType: false, IsGenericType: false, ContainingType: null } ? type.Name : TypeFacts.Display(type.WithNullableAnnotation(NullableAnnotation.NotAnnotated));
            _classes.Add(new CodecClassModel(
                name, typeName, display, construction, new EquatableArray<CodecMemberModel>(members), new EquatableArray<string>(arguments)));
            return Codec.Of(JobStructPlaceholder + "." + name + ".Instance", typeName);
        }

        /// <summary>
        /// The members of a record, class or struct (and of its base types, derived first, as System.Text.Json orders them):
        /// each one with state is read back through the constructor or set in an initializer; a computed property is written
        /// as JSON only. Returns why the type cannot be written, or null.
        /// </summary>
        private string? Members(
            INamedTypeSymbol type, IMethodSymbol? constructor, List<CodecMemberModel> members, HashSet<string> locals, HashSet<string> fields,
            List<string> arguments)
        {
            var parameters = constructor?.Parameters ?? System.Collections.Immutable.ImmutableArray<IParameterSymbol>.Empty;
            var parameterLocals = new string?[parameters.Length];
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (INamedTypeSymbol? current = type;
                 current is not null && current.SpecialType is not (SpecialType.System_Object or SpecialType.System_ValueType);
                 current = current.BaseType)
            {
                var backed = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
                foreach (ISymbol member in current.GetMembers())
                {
                    if (member is IFieldSymbol { AssociatedSymbol: { } associated })
                    {
                        backed.Add(associated);
                    }
                }

                foreach (ISymbol symbol in current.GetMembers())
                {
                    if (symbol.IsStatic || symbol.IsImplicitlyDeclared && symbol is IFieldSymbol)
                    {
                        continue;
                    }

                    (ITypeSymbol? memberType, bool readable, bool settable, bool hasState, bool isPublic) = Describe(symbol, backed);
                    if (memberType is null || !readable || !seen.Add(symbol.Name))
                    {
                        continue;
                    }

                    int position = ParameterIndex(parameters, symbol.Name);
                    if (position >= 0 && !TypeFacts.Same(parameters[position].Type, memberType))
                    {
                        return $"has the constructor parameter '{parameters[position].Name}' of type '{TypeFacts.Display(parameters[position].Type)}' but the member '{symbol.Name}' of type '{TypeFacts.Display(memberType)}'";
                    }

                    bool binary = position >= 0 || settable;
                    if (!binary && hasState)
                    {
                        return symbol is IFieldSymbol
                            ? $"has the read-only field '{symbol.Name}', which no constructor parameter sets"
                            : $"has the get-only member '{symbol.Name}', which no constructor parameter sets";
                    }

                    if (!binary && !isPublic)
                    {
                        continue;
                    }

                    string access = Identifier(symbol.Name);
                    CodecMemberModel? member = Member(
                        access, symbol.Name, memberType, binary, isPublic, initialized: binary && position < 0, locals, fields, out string? failure);
                    if (member is null)
                    {
                        if (!binary)
                        {
                            // A computed property whose type cannot be written is left out of the JSON.
                            continue;
                        }

                        if (failure!.Length == 0)
                        {
                            return "";
                        }

                        return SymbolEqualityComparer.Default.Equals(memberType.OriginalDefinition, type.OriginalDefinition) && failure == "contains itself"
                            ? $"contains itself through its member '{symbol.Name}'"
                            : $"has the member '{symbol.Name}' of type '{TypeFacts.Display(memberType)}', which {failure}";
                    }

                    members.Add(member);
                    if (position >= 0)
                    {
                        bool narrows = parameters[position].Type.IsReferenceType &&
                            parameters[position].NullableAnnotation != NullableAnnotation.Annotated && memberType.NullableAnnotation == NullableAnnotation.Annotated;
                        parameterLocals[position] = member.Local + (narrows ? "!" : "");
                    }
                }
            }

            for (int i = 0; i < parameters.Length; i++)
            {
                if (parameterLocals[i] is not { } local)
                {
                    return $"has the constructor parameter '{parameters[i].Name}', which no readable member of its name returns";
                }

                arguments.Add(local);
            }

            return null;
        }

        /// <summary>What generated code can do with a member: its type, whether it reads it, sets it, whether it holds state.</summary>
        private (ITypeSymbol? Type, bool Readable, bool Settable, bool HasState, bool IsPublic) Describe(ISymbol symbol, HashSet<ISymbol> backed)
        {
            switch (symbol)
            {
                case IPropertySymbol { IsIndexer: false, IsOverride: false } property when property.GetMethod is { } getter:
                {
                    bool readable = Accessible(property) && Accessible(getter);
                    bool settable = property.SetMethod is { } setter && Accessible(setter);

                    // A property from source holds state when a field backs it; one from metadata is assumed to.
                    bool hasState = settable || backed.Contains(property) || property.DeclaringSyntaxReferences.Length == 0;
                    bool isPublic = property.DeclaredAccessibility == Accessibility.Public && getter.DeclaredAccessibility == Accessibility.Public;
                    return (property.Type, readable, settable, hasState, isPublic);
                }

                case IFieldSymbol { IsConst: false, AssociatedSymbol: null } field:
                {
                    bool readable = Accessible(field);
                    return (field.Type, readable, readable && !field.IsReadOnly, true, field.DeclaredAccessibility == Accessibility.Public);
                }

                default:
                    return (null, false, false, false, false);
            }
        }

        /// <summary>A member's model, or null with why its type cannot be written.</summary>
        private CodecMemberModel? Member(
            string access, string jsonName, ITypeSymbol type, bool binary, bool json, bool initialized, HashSet<string> locals, HashSet<string> fields,
            out string? failure)
        {
            Codec codec = For(type, nullable: true);
            failure = codec.Failure;
            if (failure is not null)
            {
                return null;
            }

            string local = Unique(Camel(jsonName), locals);
            string declared = TypeFacts.FullName(type);
            if (codec.Primitive is { } primitive)
            {
                // Only a string reads as nullable where the member is not.
                string suffix = codec.Natural != declared && type.IsReferenceType ? "!" : "";
                return new CodecMemberModel(access, jsonName, local, declared, primitive, null, null, suffix, binary, json, initialized);
            }

            // Not "{Member}Codec": that is how codec classes are named, and a field would hide the class in its initializer.
            string field = Unique("CodecOf" + Pascal(jsonName), fields);
            return new CodecMemberModel(access, jsonName, local, declared, null, field, Cast(codec, declared), "", binary, json, initialized);
        }

        /// <summary>The record's primary constructor, or (for a record from another assembly) the public one its properties mirror.</summary>
        private IMethodSymbol? PrimaryConstructor(INamedTypeSymbol type)
        {
            if (!type.IsRecord)
            {
                return null;
            }

            foreach (IMethodSymbol constructor in type.InstanceConstructors)
            {
                if (constructor.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is TypeDeclarationSyntax)
                {
                    return Accessible(constructor) ? constructor : null;
                }
            }

            return type.InstanceConstructors.FirstOrDefault(c =>
                c.Parameters.Length > 0 && Accessible(c) && c.DeclaringSyntaxReferences.Length == 0 &&
                !(c.Parameters.Length == 1 && SymbolEqualityComparer.Default.Equals(c.Parameters[0].Type, type)) &&
                c.Parameters.All(p => type.GetMembers(p.Name).OfType<IPropertySymbol>().Any(m => TypeFacts.Same(m.Type, p.Type))));
        }

        private bool HasParameterlessConstructor(INamedTypeSymbol type) =>
            type.TypeKind == TypeKind.Struct || type.InstanceConstructors.Any(c => c.Parameters.Length == 0 && Accessible(c));

        private bool Accessible(ISymbol symbol) => _known.Compilation.IsSymbolAccessibleWithin(symbol, _jobType);

        /// <summary>Whether the runtime has a type's codec built in (a number, text, a date, a byte array).</summary>
        private static bool IsBuiltIn(ITypeSymbol type) =>
            type is INamedTypeSymbol named ? BuiltIn(named) is not null : type is IArrayTypeSymbol { IsSZArray: true, ElementType.SpecialType: SpecialType.System_Byte };

        /// <summary>The built-in codec of a type the runtime knows, or null.</summary>
        private static Codec? BuiltIn(INamedTypeSymbol type)
        {
            string? primitive = type.SpecialType switch
            {
                SpecialType.System_Boolean => "Boolean",
                SpecialType.System_Byte => "Byte",
                SpecialType.System_Int16 => "Int16",
                SpecialType.System_UInt16 => "UInt16",
                SpecialType.System_Int32 => "Int32",
                SpecialType.System_UInt32 => "UInt32",
                SpecialType.System_Int64 => "Int64",
                SpecialType.System_UInt64 => "UInt64",
                SpecialType.System_Single => "Single",
                SpecialType.System_Double => "Double",
                SpecialType.System_Decimal => "Decimal",
                SpecialType.System_Char => "Char",
                SpecialType.System_String => "String",
                SpecialType.System_DateTime => "DateTime",
                _ => type is { Arity: 0, ContainingType: null, ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } }
                    ? type.Name switch
                    {
                        "Int128" or "UInt128" or "Half" or "Guid" or "DateTimeOffset" or "TimeSpan" or "DateOnly" or "TimeOnly" => type.Name,
                        _ => null,
                    }
                    : null,
            };
            if (primitive is not null)
            {
                return Codec.BuiltIn(Codecs + primitive, primitive == "String" ? "string?" : NotNullName(type), primitive);
            }

            return type.SpecialType == SpecialType.System_SByte ? Codec.BuiltIn(Codecs + "SByte", "sbyte", primitive: null) : null;
        }

        /// <summary>Whether a type is the framework's (its state is its own business): in <c>System</c> or <c>Microsoft</c>.</summary>
        private static bool IsFrameworkType(INamedTypeSymbol type)
        {
            INamespaceSymbol? ns = type.ContainingNamespace;
            while (ns is { ContainingNamespace.IsGlobalNamespace: false })
            {
                ns = ns.ContainingNamespace;
            }

            return ns is { Name: "System" or "Microsoft" };
        }

        /// <summary>A readable, unique class name from the type's: <c>PointCodec</c>, <c>PairOfInt32AndStringCodec</c>, <c>WordCountTupleCodec</c>.</summary>
        private string ClassName(INamedTypeSymbol type)
        {
            string stem = Stem(type);
            string name = stem + "Codec";
            for (int n = 2; !_classNames.Add(name); n++)
            {
                name = stem + "Codec" + n.ToString(CultureInfo.InvariantCulture);
            }

            return name;
        }

        private static string Stem(ITypeSymbol type) => type switch
        {
            INamedTypeSymbol { IsTupleType: true } tuple when tuple.TupleElements.All(e => e.IsExplicitlyNamedTupleElement) =>
                string.Concat(tuple.TupleElements.Select(e => Pascal(e.Name))) + "Tuple",
            INamedTypeSymbol { IsTupleType: true } tuple => "TupleOf" + string.Join("And", tuple.TupleElements.Select(e => Stem(e.Type))),
            IArrayTypeSymbol array => Stem(array.ElementType) + "Array",
            INamedTypeSymbol { IsGenericType: true } generic => generic.Name + "Of" + string.Join("And", generic.TypeArguments.Select(Stem)),
            _ => type.MetadataName.Length > 0 && char.IsLetter(type.MetadataName[0]) ? type.MetadataName : "Value",
        };

        /// <summary>A type's name with no nullable annotation at its top (a codec class is of the type itself).</summary>
        private static string NotNullName(ITypeSymbol type) => TypeFacts.FullName(type.WithNullableAnnotation(NullableAnnotation.NotAnnotated));

        /// <summary>A codec's expression where a codec of <paramref name="wanted"/> is expected: with <c>!</c> when only nullability differs.</summary>
        private static string Cast(Codec codec, string wanted) => codec.Natural == wanted ? codec.Expression! : codec.Expression + "!";

        private static int ParameterIndex(System.Collections.Immutable.ImmutableArray<IParameterSymbol> parameters, string name)
        {
            for (int i = 0; i < parameters.Length; i++)
            {
                if (parameters[i].Name == name)
                {
                    return i;
                }
            }

            return -1;
        }

        private static string Identifier(string name) => SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None ? name : "@" + name;

        private static string Camel(string name) =>
            name.Length == 0 ? "item" : char.ToLowerInvariant(name[0]) + name.Substring(1);

        private static string Pascal(string name) =>
            name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name.Substring(1);

        private static string Unique(string name, HashSet<string> taken)
        {
            string unique = name;
            for (int n = 2; !taken.Add(unique); n++)
            {
                unique = name + n.ToString(CultureInfo.InvariantCulture);
            }

            return SyntaxFacts.GetKeywordKind(unique) == SyntaxKind.None ? unique : "@" + unique;
        }

        /// <summary>How one type is written: a codec expression and the type it is a codec of, or why it cannot be written.</summary>
        private readonly struct Codec
        {
            private Codec(string? expression, string natural, string? primitive, bool isBuiltIn, string? failure)
            {
                Expression = expression;
                Natural = natural;
                Primitive = primitive;
                IsBuiltIn = isBuiltIn;
                Failure = failure;
            }

            /// <summary>A type the compiler could not find: no codec, and nothing to report (the compiler does).</summary>
            public static Codec Silent => new Codec(null, "", null, false, "");

            /// <summary>An expression of a <c>ValueCodec</c>.</summary>
            public string? Expression { get; }

            /// <summary>The type argument of the expression's <c>ValueCodec</c>, as generated code names it.</summary>
            public string Natural { get; }

            /// <summary>The <c>ValueWriter</c>/<c>ValueReader</c> method suffix of a type written directly, or null.</summary>
            public string? Primitive { get; }

            /// <summary>Whether the runtime finds this codec itself (a built-in type).</summary>
            public bool IsBuiltIn { get; }

            /// <summary>Why the type cannot be written (empty: say nothing), or null.</summary>
            public string? Failure { get; }

            public static Codec Of(string expression, string natural) => new Codec(expression, natural, null, false, null);

            public static Codec BuiltIn(string expression, string natural, string? primitive) => new Codec(expression, natural, primitive, true, null);

            public static Codec Fail(string reason) => new Codec(null, "", null, false, reason);

            /// <summary>A failure of a part, said of the whole: "holds items of type 'X', which is an interface".</summary>
            public static Codec Wrap(string inner, string prefix) => inner.Length == 0 ? Silent : Fail(prefix + inner);
        }
    }

    /// <summary>What a job's type is to its codecs: its key, its value, or its result (or record).</summary>
    internal enum CodecRole
    {
        Key,
        Value,
        Result,
    }
}
