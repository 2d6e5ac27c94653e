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
        public static string Display(ISymbol symbol) => symbol.ToDisplayString(MessageFormat);

        /// <summary>A type as generated code names it.</summary>
        public static string FullName(ITypeSymbol type) => type.ToDisplayString(FullyQualified);

        public static bool Same(ITypeSymbol left, ITypeSymbol right) => SymbolEqualityComparer.Default.Equals(left, right);

        public static bool SameNullability(ITypeSymbol left, ITypeSymbol right) => SymbolEqualityComparer.IncludeNullability.Equals(left, right);

        /// <summary>Whether <paramref name="type"/> is a constructed <paramref name="definition"/> (<c>Emitter&lt;K, V&gt;</c> of <c>Emitter&lt;,&gt;</c>).</summary>
        public static bool IsConstructedFrom(ITypeSymbol type, INamedTypeSymbol? definition) =>
            definition is not null && type is INamedTypeSymbol named && SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, definition);

        public static bool IsNullable(ITypeSymbol type) =>
            type.NullableAnnotation == NullableAnnotation.Annotated ||
            type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T;

        /// <summary>Whether <paramref name="type"/> is, or implements, <c>IEnumerable&lt;<paramref name="element"/>&gt;</c>.</summary>
        public static bool IsSequenceOf(ITypeSymbol type, ITypeSymbol element, KnownTypes known) =>
            (type is INamedTypeSymbol self ? new[] { self }.Concat(type.AllInterfaces) : type.AllInterfaces).Any(candidate =>
                IsConstructedFrom(candidate, known.IEnumerable) && Same(candidate.TypeArguments[0], element));

        /// <summary>Whether a type implements <c>IComparable</c> or <c>IComparable&lt;T&gt;</c> (of itself).</summary>
        public static bool IsComparable(ITypeSymbol type, KnownTypes known) =>
            type.AllInterfaces.Any(i =>
                SymbolEqualityComparer.Default.Equals(i, known.IComparable) ||
                (SymbolEqualityComparer.Default.Equals(i.OriginalDefinition, known.IComparableOfT) &&
                 SymbolEqualityComparer.Default.Equals(i.TypeArguments[0], type)));

        /// <summary>The narrowest accessibility along a type, the types it is nested in and its type arguments.</summary>
        public static Accessibility EffectiveAccessibility(ITypeSymbol type)
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

        /// <summary>Why a type cannot be a job's input, key, value or result (pointers, dynamic), or null.</summary>
        public static string? UnsupportedProblem(ITypeSymbol type)
        {
            string display = Display(type);
            return ContainsKind(type, TypeKind.Pointer) || ContainsKind(type, TypeKind.FunctionPointer)
                ? $"the pointer type '{display}', which cannot be a type argument of the job"
                : ContainsKind(type, TypeKind.Dynamic)
                    ? $"the type '{display}', and 'dynamic' cannot be a type argument of the job; use 'object'"
                    : null;
        }

        /// <summary>Whether a type is, or is built of, a type the compiler could not find (it reports that itself).</summary>
        public static bool ContainsErrorType(ITypeSymbol type) => type switch
        {
            { TypeKind: TypeKind.Error } => true,
            IArrayTypeSymbol array => ContainsErrorType(array.ElementType),
            INamedTypeSymbol named => named.TypeArguments.Any(ContainsErrorType),
            _ => false,
        };

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

        private static bool ContainsKind(ITypeSymbol type, TypeKind kind) => type.TypeKind == kind || type switch
        {
            IArrayTypeSymbol array => ContainsKind(array.ElementType, kind),
            IPointerTypeSymbol pointer => ContainsKind(pointer.PointedAtType, kind),
            INamedTypeSymbol named => named.TypeArguments.Any(t => ContainsKind(t, kind)),
            _ => false,
        };
    }
}
