using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace MapReduceGen.Generator.Parsing
{
    /// <summary>
    /// The one notion of "a type with value equality" and "a type with an order" that the diagnostics (MRG0013, MRG0030,
    /// MRG0031) and the code the generator writes for keys (hash, equality, member-by-member order) share, recursive over
    /// tuples, records, structs, nullable values and arrays.
    /// </summary>
    internal static class ValueSemantics
    {
        /// <summary>How deep keys are compared member by member by generated code; deeper members use their type's own order.</summary>
        public const int MaxDepth = 4;

        /// <summary>
        /// Why equal-looking keys of a type are different keys (a phrase whose subject is the type), or null when it has
        /// value equality: an array, a class without its own equality, or a tuple, record or struct whose equality compares
        /// such a member (records and structs compare every field with its type's default equality).
        /// </summary>
        public static string? ReferenceEqualityProblem(ITypeSymbol type, KnownTypes known)
        {
            if (type.SpecialType != SpecialType.None || type.TypeKind == TypeKind.Enum ||
                Problem(type, known, new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default)) is not { } problem)
            {
                return null;
            }

            return problem.Path.Length == 0
                ? problem.IsArray ? "is an array, which is equal only to itself" : $"neither implements IEquatable<{TypeFacts.Display(type)}> nor overrides Equals and GetHashCode"
                : $"compares its member '{problem.Path}' of type '{TypeFacts.Display(problem.Type)}' by reference ({Why(problem)})";
        }

        /// <summary>
        /// Whether keys of a type have an order generated code and the engine can sort by: strings, primitives, enums, types
        /// with their own <c>IComparable</c>, nullable values of ordered types, and tuples and records (without an order of
        /// their own) whose members all have one. This is what <c>SortByKey</c> needs (MRG0030) and what the generated
        /// <c>CompareKeys</c> compares by.
        /// </summary>
        public static bool HasKeyOrder(ITypeSymbol type, KnownTypes known, int depth = 0)
        {
            if (IsNullable(type, out ITypeSymbol? inner))
            {
                return HasKeyOrder(inner!, known, depth);
            }

            if (depth >= MaxDepth || !IsMemberwise(type, known))
            {
                return HasDefaultOrder(type, known);
            }

            foreach ((_, ITypeSymbol memberType) in MembersOf((INamedTypeSymbol)type))
            {
                if (!HasKeyOrder(memberType, known, depth + 1))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// Whether <c>Comparer&lt;T&gt;.Default</c> orders values of a type without throwing: strings, primitives, enums, types
        /// that implement <c>IComparable&lt;T&gt;</c> (of themselves) or <c>IComparable</c>, nullable values of those, and tuples
        /// of those (a tuple compares its elements with their default comparers).
        /// </summary>
        public static bool HasDefaultOrder(ITypeSymbol type, KnownTypes known)
        {
            if (IsNullable(type, out ITypeSymbol? inner))
            {
                return HasDefaultOrder(inner!, known);
            }

            if (type is INamedTypeSymbol { IsTupleType: true } tuple)
            {
                foreach (IFieldSymbol element in tuple.TupleElements)
                {
                    if (!HasDefaultOrder(element.Type, known))
                    {
                        return false;
                    }
                }

                return true;
            }

            return type.SpecialType is SpecialType.System_String || IsPrimitive(type) || type.TypeKind == TypeKind.Enum || TypeFacts.IsComparable(type, known);
        }

        /// <summary>
        /// Whether <c>Top(n)</c> can rank results of a type: the results implement <c>IComparable&lt;T&gt;</c> or
        /// <c>IComparable</c> (what the runtime checks; a nullable value does not) and compare without throwing (every
        /// member of a tuple has an order).
        /// </summary>
        public static bool CanRank(ITypeSymbol type, KnownTypes known) =>
            !IsNullable(type, out _) && HasDefaultOrder(type, known);

        /// <summary>Whether a key type is compared member by member by generated code: a tuple, or a record without an order of its own.</summary>
        public static bool IsMemberwise(ITypeSymbol type, KnownTypes known) =>
            type is INamedTypeSymbol named &&
            (named.IsTupleType || (named.IsRecord && !TypeFacts.IsComparable(named, known) && RecordMembers(named) is not null));

        /// <summary>The members a tuple or record is compared and hashed by (names generated code reads them by, and types).</summary>
        public static List<(string Name, ITypeSymbol Type)> MembersOf(INamedTypeSymbol type)
        {
            var members = new List<(string Name, ITypeSymbol Type)>();
            if (type.IsTupleType)
            {
                for (int i = 0; i < type.TupleElements.Length; i++)
                {
                    members.Add((ItemName(i), type.TupleElements[i].Type));
                }
            }
            else
            {
                foreach (string member in RecordMembers(type)!)
                {
                    members.Add((member, MemberType(type, member)!));
                }
            }

            return members;
        }

        /// <summary><c>Item1</c>, <c>Item2</c>, ...: a tuple element's name whatever it was declared as.</summary>
        public static string ItemName(int index) => index switch
        {
            0 => "Item1",
            1 => "Item2",
            2 => "Item3",
            3 => "Item4",
            _ => "Item" + (index + 1).ToString(CultureInfo.InvariantCulture),
        };

        /// <summary>
        /// The members a record's compiler-made equality compares that generated code can read: the accessible properties
        /// backing its instance fields, or the accessible fields themselves. Hashing a subset of what equality compares keeps
        /// equal keys equal-hashed.
        /// </summary>
        public static List<string>? RecordMembers(INamedTypeSymbol record)
        {
            var members = new List<string>();
            foreach (ISymbol symbol in record.GetMembers())
            {
                if (symbol is not IFieldSymbol field || field.IsStatic || field.IsConst)
                {
                    continue;
                }

                if (field.AssociatedSymbol is IPropertySymbol property)
                {
                    if (IsReadable(property.DeclaredAccessibility) && property.GetMethod is { } getter &&
                        IsReadable(getter.DeclaredAccessibility) && !property.IsIndexer)
                    {
                        members.Add(property.Name);
                    }
                }
                else if (IsReadable(field.DeclaredAccessibility) && !field.IsImplicitlyDeclared)
                {
                    members.Add(field.Name);
                }
            }

            return members.Count > 0 ? members : null;
        }

        /// <summary>
        /// Whether a record declares its own <c>Equals(T)</c>: then equality is the user's, and only the record's own
        /// <c>GetHashCode</c> is known to agree with it.
        /// </summary>
        public static bool DefinesOwnEquality(INamedTypeSymbol record)
        {
            foreach (ISymbol member in record.GetMembers("Equals"))
            {
                if (member is IMethodSymbol { IsImplicitlyDeclared: false, IsStatic: false, Parameters.Length: 1 } method &&
                    SymbolEqualityComparer.Default.Equals(method.Parameters[0].Type.OriginalDefinition, record.OriginalDefinition))
                {
                    return true;
                }
            }

            return false;
        }

        public static bool IsNullable(ITypeSymbol type, out ITypeSymbol? inner)
        {
            inner = type is INamedTypeSymbol named && named.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T ? named.TypeArguments[0] : null;
            return inner is not null;
        }

        private static ITypeSymbol? MemberType(INamedTypeSymbol type, string member) =>
            type.GetMembers(member).FirstOrDefault() switch
            {
                IPropertySymbol property => property.Type,
                IFieldSymbol field => field.Type,
                _ => null,
            };

        private static bool IsReadable(Accessibility accessibility) =>
            accessibility is Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal;

        private static bool IsPrimitive(ITypeSymbol type) =>
            type.SpecialType is SpecialType.System_Boolean or SpecialType.System_Char or SpecialType.System_SByte or SpecialType.System_Byte or
                SpecialType.System_Int16 or SpecialType.System_UInt16 or SpecialType.System_Int32 or SpecialType.System_UInt32 or
                SpecialType.System_Int64 or SpecialType.System_UInt64 or SpecialType.System_Single or SpecialType.System_Double or
                SpecialType.System_Decimal or SpecialType.System_DateTime;

        private static string Why(EqualityProblem problem) =>
            problem.IsArray
                ? "an array is equal only to itself"
                : $"'{TypeFacts.Display(problem.Type)}' neither implements IEquatable<{TypeFacts.Display(problem.Type)}> nor overrides Equals and GetHashCode";

        /// <summary>The first member (by path) compared by reference, or null.</summary>
        private static EqualityProblem? Problem(ITypeSymbol type, KnownTypes known, HashSet<ITypeSymbol> visiting)
        {
            if (type is IArrayTypeSymbol)
            {
                return new EqualityProblem("", type, isArray: true);
            }

            if (IsNullable(type, out ITypeSymbol? inner))
            {
                return Problem(inner!, known, visiting);
            }

            if (type is not INamedTypeSymbol named || type.SpecialType != SpecialType.None || type.TypeKind is not (TypeKind.Class or TypeKind.Struct) ||
                !visiting.Add(type))
            {
                // Primitives, strings, enums, interfaces, type parameters, and a type met again on its own path.
                return null;
            }

            try
            {
                if (named.IsTupleType)
                {
                var elements = new List<(string Name, ITypeSymbol Type)>(named.TupleElements.Length);
                    foreach (IFieldSymbol element in named.TupleElements)
                    {
                        elements.Add((element.Name, element.Type));
                    }

                    return FirstMember(elements, known, visiting);
                }

                bool ownEquality = named.IsRecord
                    ? DefinesOwnEquality(named)
                    : HasOwnEquality(named, known);
                if (ownEquality)
                {
                    return null;
                }

                if (!named.IsRecord && named.TypeKind == TypeKind.Class)
                {
                    return new EqualityProblem("", type, isArray: false);
                }

                // A record's or a struct's equality compares every instance field with its type's default equality.
                return FirstMember(Fields(named), known, visiting);
            }
            finally
            {
                visiting.Remove(type);
            }
        }

        private static EqualityProblem? FirstMember(IEnumerable<(string Name, ITypeSymbol Type)> members, KnownTypes known, HashSet<ITypeSymbol> visiting)
        {
            foreach ((string name, ITypeSymbol memberType) in members)
            {
                if (Problem(memberType, known, visiting) is { } problem)
                {
                    return new EqualityProblem(problem.Path.Length == 0 ? name : name + "." + problem.Path, problem.Type, problem.IsArray);
                }
            }

            return null;
        }

        /// <summary>The instance fields of a type and its bases (up to object and ValueType), named after the property they back.</summary>
        private static IEnumerable<(string Name, ITypeSymbol Type)> Fields(INamedTypeSymbol type)
        {
            for (INamedTypeSymbol? current = type;
                 current is not null && current.SpecialType is not (SpecialType.System_Object or SpecialType.System_ValueType);
                 current = current.BaseType)
            {
                foreach (ISymbol symbol in current.GetMembers())
                {
                    if (symbol is IFieldSymbol { IsStatic: false, IsConst: false } field)
                    {
                        yield return (field.AssociatedSymbol?.Name ?? field.Name, field.Type);
                    }
                }
            }
        }

        /// <summary>Whether a class or struct defines its equality: <c>IEquatable&lt;T&gt;</c> of itself, or an <c>Equals</c> override.</summary>
        private static bool HasOwnEquality(INamedTypeSymbol type, KnownTypes known)
        {
            foreach (INamedTypeSymbol candidate in type.AllInterfaces)
            {
                if (TypeFacts.IsConstructedFrom(candidate, known.IEquatable) && TypeFacts.Same(candidate.TypeArguments[0], type))
                {
                    return true;
                }
            }

            for (ITypeSymbol? current = type; current is not null && current.SpecialType is not (SpecialType.System_Object or SpecialType.System_ValueType); current = current.BaseType)
            {
                foreach (ISymbol member in current.GetMembers("Equals"))
                {
                    if (member is IMethodSymbol { IsOverride: true, Parameters.Length: 1 })
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private sealed class EqualityProblem
        {
            public EqualityProblem(string path, ITypeSymbol type, bool isArray)
            {
                Path = path;
                Type = type;
                IsArray = isArray;
            }

            /// <summary>The member (dotted, from the key) compared by reference; empty for the key itself.</summary>
            public string Path { get; }

            /// <summary>The type compared by reference.</summary>
            public ITypeSymbol Type { get; }

            public bool IsArray { get; }
        }
    }
}
