using System.Linq;
using Microsoft.CodeAnalysis;

namespace MapReduceGen.Generator.Parsing
{
    /// <summary>What the parser needs to know about a type: how to name it, whether it is the same as another, whether it
    /// has value equality, an order, an accessibility the generated code can expose, a kind the job can hold.</summary>
    internal static class TypeFacts
    {
        /// <summary>How generated code names types: fully qualified, with nullable reference annotations.</summary>
        public static readonly SymbolDisplayFormat FullyQualified = SymbolDisplayFormat.FullyQualifiedFormat
            .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

        private static readonly SymbolDisplayFormat MessageFormat = SymbolDisplayFormat.CSharpShortErrorMessageFormat;

        /// <summary>A type (or a job class) as messages name it.</summary>
        public static string Display(ISymbol symbol) =>
            symbol is ITypeSymbol type && Keyword(type) is { } keyword ? keyword : symbol.ToDisplayString(MessageFormat);

        /// <summary>A type as generated code names it.</summary>
        public static string FullName(ITypeSymbol type) => Keyword(type) ?? type.ToDisplayString(FullyQualified);

        /// <summary>
        /// The keyword of a type C# has one for (<c>int</c>, <c>string?</c>), as both display formats write it: a constant, so
        /// the most common types cost no display string (the generator reads every job again on every edit).
        /// </summary>
        private static string? Keyword(ITypeSymbol type)
        {
            string? keyword = type.SpecialType switch
            {
                SpecialType.System_Object => "object",
                SpecialType.System_Boolean => "bool",
                SpecialType.System_Char => "char",
                SpecialType.System_SByte => "sbyte",
                SpecialType.System_Byte => "byte",
                SpecialType.System_Int16 => "short",
                SpecialType.System_UInt16 => "ushort",
                SpecialType.System_Int32 => "int",
                SpecialType.System_UInt32 => "uint",
                SpecialType.System_Int64 => "long",
                SpecialType.System_UInt64 => "ulong",
                SpecialType.System_Decimal => "decimal",
                SpecialType.System_Single => "float",
                SpecialType.System_Double => "double",
                SpecialType.System_String => "string",
                _ => null,
            };
            return keyword is null || !type.IsReferenceType || type.NullableAnnotation != NullableAnnotation.Annotated
                ? keyword
                : type.SpecialType == SpecialType.System_String ? "string?" : "object?";
        }

        public static bool Same(ITypeSymbol left, ITypeSymbol right) => SymbolEqualityComparer.Default.Equals(left, right);

        public static bool SameNullability(ITypeSymbol left, ITypeSymbol right) => SymbolEqualityComparer.IncludeNullability.Equals(left, right);

        /// <summary>Whether <paramref name="type"/> is a constructed <paramref name="definition"/> (<c>Emitter&lt;K, V&gt;</c> of <c>Emitter&lt;,&gt;</c>).</summary>
        public static bool IsConstructedFrom(ITypeSymbol type, INamedTypeSymbol? definition) =>
            definition is not null && type is INamedTypeSymbol named && SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, definition);

        public static bool IsNullable(ITypeSymbol type) =>
            type.NullableAnnotation == NullableAnnotation.Annotated ||
            type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T;

        /// <summary>Whether <paramref name="type"/> is, or implements, <c>IEnumerable&lt;<paramref name="element"/>&gt;</c>.</summary>
        public static bool IsSequenceOf(ITypeSymbol type, ITypeSymbol element, KnownTypes known)
        {
            if (IsConstructedFrom(type, known.IEnumerable) && Same(((INamedTypeSymbol)type).TypeArguments[0], element))
            {
                return true;
            }

            foreach (INamedTypeSymbol candidate in type.AllInterfaces)
            {
                if (IsConstructedFrom(candidate, known.IEnumerable) && Same(candidate.TypeArguments[0], element))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether a type implements <c>IComparable</c> or <c>IComparable&lt;T&gt;</c> (of itself).</summary>
        public static bool IsComparable(ITypeSymbol type, KnownTypes known)
        {
            foreach (INamedTypeSymbol candidate in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(candidate, known.IComparable) ||
                    (SymbolEqualityComparer.Default.Equals(candidate.OriginalDefinition, known.IComparableOfT) &&
                     SymbolEqualityComparer.Default.Equals(candidate.TypeArguments[0], type)))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The narrowest accessibility along a type, the types it is nested in and its type arguments.</summary>
        public static Accessibility EffectiveAccessibility(ITypeSymbol type) => Narrowest(type, Accessibility.Public);

        private static Accessibility Narrowest(ITypeSymbol type, Accessibility result)
        {
            switch (type)
            {
                case IArrayTypeSymbol array:
                    return Narrowest(array.ElementType, result);
                case IPointerTypeSymbol pointer:
                    return Narrowest(pointer.PointedAtType, result);
                case INamedTypeSymbol named:
                    for (INamedTypeSymbol? c = named; c is not null; c = c.ContainingType)
                    {
                        result = Narrower(result, c.DeclaredAccessibility);
                    }

                    foreach (ITypeSymbol argument in named.TypeArguments)
                    {
                        result = Narrowest(argument, result);
                    }

                    return result;
                default:
                    return result;
            }
        }

        /// <summary>Why a type cannot be a job's input, key, value or result (pointers, dynamic), or null.</summary>
        public static string? UnsupportedProblem(ITypeSymbol type) =>
            ContainsKind(type, TypeKind.Pointer) || ContainsKind(type, TypeKind.FunctionPointer)
                ? $"the pointer type '{Display(type)}', which cannot be a type argument of the job"
                : ContainsKind(type, TypeKind.Dynamic)
                    ? $"the type '{Display(type)}', and 'dynamic' cannot be a type argument of the job; use 'object'"
                    : null;

        /// <summary>Whether a type is, or is built of, a type the compiler could not find (it reports that itself).</summary>
        public static bool ContainsErrorType(ITypeSymbol type) => ContainsKind(type, TypeKind.Error);

        public static string RefKindText(RefKind kind) => kind switch
        {
            RefKind.Ref => "ref",
            RefKind.Out => "out",
            RefKind.In => "in",
            _ => "ref readonly",
        };

        private static Accessibility Narrower(Accessibility current, Accessibility next)
        {
            static int Rank(Accessibility a) => a switch
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

        private static bool ContainsKind(ITypeSymbol type, TypeKind kind)
        {
            switch (type)
            {
                case { } when type.TypeKind == kind:
                    return true;
                case IArrayTypeSymbol array:
                    return ContainsKind(array.ElementType, kind);
                case IPointerTypeSymbol pointer:
                    return ContainsKind(pointer.PointedAtType, kind);
                case INamedTypeSymbol named:
                    foreach (ITypeSymbol argument in named.TypeArguments)
                    {
                        if (ContainsKind(argument, kind))
                        {
                            return true;
                        }
                    }

                    return false;
                default:
                    return false;
            }
        }
    }
}
