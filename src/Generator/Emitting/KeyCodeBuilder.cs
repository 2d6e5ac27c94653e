using System.Collections.Generic;
using System.Linq;
using MapReduceGen.Generator.Parsing;
using Microsoft.CodeAnalysis;

namespace MapReduceGen.Generator.Emitting
{
    /// <summary>
    /// Builds the C# expressions of a key type's stable hash and equality: direct calls for the exact type, never
    /// boxing, never a comparer interface. Stable hashes are structural for strings, primitives, enums, tuples and
    /// records (over their members); other types fall back to their own <c>GetHashCode</c>. Keyed hashes (what a flooded
    /// table switches to) are member-wise for tuples and records too.
    /// </summary>
    internal static class KeyCodeBuilder
    {
        private const string StableHash = "global::MapReduceGen.Engine.StableHash";
        private const string KeyedHash = "global::MapReduceGen.Engine.KeyedHash";

        public static string Equality(ITypeSymbol keyType)
        {
            switch (keyType.SpecialType)
            {
                case SpecialType.System_String:
                    return "string.Equals(left, right)";
                case SpecialType.System_Single:
                case SpecialType.System_Double:
                    // Equals (not ==) so NaN keys find themselves.
                    return "left.Equals(right)";
                case SpecialType.System_Boolean:
                case SpecialType.System_Char:
                case SpecialType.System_SByte:
                case SpecialType.System_Byte:
                case SpecialType.System_Int16:
                case SpecialType.System_UInt16:
                case SpecialType.System_Int32:
                case SpecialType.System_UInt32:
                case SpecialType.System_Int64:
                case SpecialType.System_UInt64:
                case SpecialType.System_IntPtr:
                case SpecialType.System_UIntPtr:
                case SpecialType.System_Decimal:
                    return "left == right";
            }

            if (keyType.TypeKind == TypeKind.Enum)
            {
                return "left == right";
            }

            if (keyType.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
            {
                string type = keyType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
                return $"global::System.Collections.Generic.EqualityComparer<{type}>.Default.Equals(left, right)";
            }

            // Value types: Equals(T) from IEquatable<T> when present (a constrained call, no boxing).
            // Reference types: keys in tables are never null, so the instance call is safe.
            return keyType.IsReferenceType
                ? "left is null ? right is null : left.Equals(right)"
                : "left.Equals(right)";
        }

        /// <summary>
        /// The body of <c>GetKeyHash</c>, over <c>key</c>. A key annotated nullable is read as <c>key!</c>: keys in tables are
        /// never null (the sinks refuse them).
        /// </summary>
        public static string Hash(ITypeSymbol keyType) => Hash(keyType, Root(keyType, "key"), 0);

        /// <summary>How generated code reads a key: with <c>!</c> when it is a reference type annotated nullable (never null in a table).</summary>
        private static string Root(ITypeSymbol keyType, string name) =>
            keyType.IsReferenceType && keyType.NullableAnnotation == NullableAnnotation.Annotated ? name + "!" : name;

        /// <summary>
        /// The body of the job struct's <c>GetKeyedHash</c> (an expression over the parameter <c>key</c>): the keyed hash of a
        /// tuple, record or nullable key, member by member, so that keys built to collide under their stable hash and
        /// their own <c>GetHashCode</c> do not collide under it. <see langword="null"/> for every other key type, which the
        /// engine's default (<c>KeyedHash.Of&lt;TKey&gt;</c>) already hashes by its contents.
        /// </summary>
        public static string? KeyedHashExpression(ITypeSymbol keyType) =>
            keyType is INamedTypeSymbol named &&
            (named.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T || HashedMembers(named) is not null)
                ? Keyed(keyType, Root(keyType, "key"), 0)
                : null;

        /// <summary>
        /// The body of a key type's member-by-member order, as one expression over <c>left</c> and <c>right</c> that uses a
        /// local <c>int order</c>: for tuples, records without an order of their own, and nullable values of those, so that
        /// their keys sort (and break <c>Top</c>'s ties) by their members, never by their text. <see langword="null"/> for
        /// every other type (strings, primitives and comparable types are ordered by the engine's default). Members are
        /// compared by the order <see cref="ValueSemantics.HasKeyOrder"/> says they have; only a member with none (in a job
        /// that does not sort, so only for <c>Top</c>'s ties) falls back to its text.
        /// </summary>
        public static string? Compare(ITypeSymbol keyType, KnownTypes known)
        {
            if (ValueSemantics.IsNullable(keyType, out ITypeSymbol? inner) && ValueSemantics.IsMemberwise(inner!, known))
            {
                return CompareNullable("left", "right", CompareMembers((INamedTypeSymbol)inner!, "left.Value", "right.Value", 0, known));
            }

            return ValueSemantics.IsMemberwise(keyType, known)
                ? CompareMembers((INamedTypeSymbol)keyType, Root(keyType, "left"), Root(keyType, "right"), 0, known)
                : null;
        }

        /// <summary>Nullable values: null first, then the values' order.</summary>
        private static string CompareNullable(string left, string right, string values) =>
            $"{left}.HasValue ? ({right}.HasValue ? ({values}) : 1) : ({right}.HasValue ? -1 : 0)";

        private static string CompareMembers(INamedTypeSymbol type, string left, string right, int depth, KnownTypes known)
        {
            List<(string Name, ITypeSymbol Type)> members = ValueSemantics.MembersOf(type);
            string chain = "0";
            for (int i = members.Count - 1; i >= 0; i--)
            {
                string compare = CompareValue(members[i].Type, $"{left}.{members[i].Name}", $"{right}.{members[i].Name}", depth + 1, known);
                chain = i == members.Count - 1 ? compare : $"(order = {compare}) != 0 ? order : {chain}";
            }

            return chain;
        }

        private static string CompareValue(ITypeSymbol type, string left, string right, int depth, KnownTypes known)
        {
            if (type.SpecialType == SpecialType.System_String)
            {
                return $"string.CompareOrdinal({left}, {right})";
            }

            if (depth < ValueSemantics.MaxDepth && ValueSemantics.IsNullable(type, out ITypeSymbol? inner) && ValueSemantics.IsMemberwise(inner!, known))
            {
                return "(" + CompareNullable(left, right, CompareMembers((INamedTypeSymbol)inner!, left + ".Value", right + ".Value", depth, known)) + ")";
            }

            if (depth < ValueSemantics.MaxDepth && ValueSemantics.IsMemberwise(type, known))
            {
                string members = CompareMembers((INamedTypeSymbol)type, left, right, depth, known);
                return type.IsReferenceType
                    ? $"(object.ReferenceEquals({left}, {right}) ? 0 : {left} is null ? -1 : {right} is null ? 1 : ({members}))"
                    : $"({members})";
            }

            // Ordered types by their own order; a member with none (only in a job that does not sort) by its text.
            return ValueSemantics.HasDefaultOrder(type, known)
                ? $"global::System.Collections.Generic.Comparer<{type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)}>.Default.Compare({left}, {right})"
                : $"string.CompareOrdinal({left}?.ToString(), {right}?.ToString())";
        }

        private static string Hash(ITypeSymbol type, string access, int depth)
        {
            switch (type.SpecialType)
            {
                case SpecialType.System_String:
                    return $"{StableHash}.Of({access})";
                case SpecialType.System_Boolean:
                    return $"{StableHash}.Of({access} ? 1 : 0)";
                case SpecialType.System_Char:
                case SpecialType.System_SByte:
                case SpecialType.System_Byte:
                case SpecialType.System_Int16:
                case SpecialType.System_UInt16:
                case SpecialType.System_Int32:
                case SpecialType.System_UInt32:
                    return $"{StableHash}.Of(unchecked((int){access}))";
                case SpecialType.System_Int64:
                case SpecialType.System_UInt64:
                case SpecialType.System_IntPtr:
                case SpecialType.System_UIntPtr:
                    return $"{StableHash}.Of(unchecked((long){access}))";
                case SpecialType.System_Single:
                case SpecialType.System_Double:
                case SpecialType.System_Decimal:
                    return $"{StableHash}.Of({access})";
                case SpecialType.System_DateTime:
                    return $"{StableHash}.Of({access}.Ticks)";
            }

            if (type is INamedTypeSymbol { TypeKind: TypeKind.Enum, EnumUnderlyingType: { } underlying })
            {
                bool wide = underlying.SpecialType is SpecialType.System_Int64 or SpecialType.System_UInt64;
                return wide
                    ? $"{StableHash}.Of(unchecked((long){access}))"
                    : $"{StableHash}.Of(unchecked((int){access}))";
            }

            switch (SystemTypeName(type))
            {
                case "Guid":
                case "Int128":
                    return $"{StableHash}.Of({access})";
                case "UInt128":
                    return $"{StableHash}.Of((global::System.Int128){access})";
                case "TimeSpan":
                case "TimeOnly":
                    return $"{StableHash}.Of({access}.Ticks)";
                case "DateTimeOffset":
                    return $"{StableHash}.Of({access}.UtcTicks)";
                case "DateOnly":
                    return $"{StableHash}.Of({access}.DayNumber)";
            }

            if (depth < ValueSemantics.MaxDepth && type is INamedTypeSymbol named)
            {
                if (named.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
                {
                    string inner = Hash(named.TypeArguments[0], $"{access}.GetValueOrDefault()", depth + 1);
                    return $"({access}.HasValue ? {inner} : 0)";
                }

                if (named.IsTupleType || (named.IsRecord && !ValueSemantics.DefinesOwnEquality(named) && ValueSemantics.RecordMembers(named) is not null))
                {
                    List<(string Name, ITypeSymbol Type)> members = ValueSemantics.MembersOf(named);
                    string combined = MemberHash(members[0].Type, $"{access}.{members[0].Name}", depth);
                    for (int i = 1; i < members.Count; i++)
                    {
                        combined = $"{StableHash}.Combine({combined}, {MemberHash(members[i].Type, $"{access}.{members[i].Name}", depth)})";
                    }

                    return combined;
                }
            }

            // A type with its own equality: its own hash (stable across processes only if the type's is).
            return $"{access}.GetHashCode()";
        }

        // The keyed counterpart of Hash: the same members, each through the KeyedHash overload of its type.
        private static string Keyed(ITypeSymbol type, string access, int depth)
        {
            switch (type.SpecialType)
            {
                case SpecialType.System_Boolean:
                    return $"{KeyedHash}.Of({access} ? 1 : 0)";
                case SpecialType.System_Char:
                case SpecialType.System_SByte:
                case SpecialType.System_Byte:
                case SpecialType.System_Int16:
                case SpecialType.System_UInt16:
                case SpecialType.System_Int32:
                    return $"{KeyedHash}.Of((int){access})";
                case SpecialType.System_UInt32:
                case SpecialType.System_IntPtr:
                    return $"{KeyedHash}.Of((long){access})";
                case SpecialType.System_UIntPtr:
                    return $"{KeyedHash}.Of((ulong){access})";
                case SpecialType.System_String:
                case SpecialType.System_Int64:
                case SpecialType.System_UInt64:
                case SpecialType.System_Single:
                case SpecialType.System_Double:
                case SpecialType.System_Decimal:
                case SpecialType.System_DateTime:
                    return $"{KeyedHash}.Of({access})";
            }

            if (type.TypeKind == TypeKind.Enum)
            {
                return $"{KeyedHash}.Of(unchecked((long){access}))";
            }

            switch (SystemTypeName(type))
            {
                case "Guid":
                case "Int128":
                case "UInt128":
                case "DateTimeOffset":
                    return $"{KeyedHash}.Of({access})";
                case "TimeSpan":
                case "TimeOnly":
                    return $"{KeyedHash}.Of({access}.Ticks)";
                case "DateOnly":
                    return $"{KeyedHash}.Of({access}.DayNumber)";
            }

            if (depth < ValueSemantics.MaxDepth && type is INamedTypeSymbol named)
            {
                if (named.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
                {
                    return $"({access}.HasValue ? {Keyed(named.TypeArguments[0], $"{access}.GetValueOrDefault()", depth + 1)} : 0)";
                }

                if (HashedMembers(named) is { } members)
                {
                    string combined = KeyedMember(members[0].Type, $"{access}.{members[0].Name}", depth);
                    for (int i = 1; i < members.Count; i++)
                    {
                        combined = $"{KeyedHash}.Combine({combined}, {KeyedMember(members[i].Type, $"{access}.{members[i].Name}", depth)})";
                    }

                    return combined;
                }
            }

            // A type with its own equality: its own hash code, mixed with the secret.
            return $"{KeyedHash}.Of<{type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)}>({access})";
        }

        private static string KeyedMember(ITypeSymbol type, string access, int depth)
        {
            string hash = Keyed(type, access, depth + 1);
            return type.IsReferenceType && type.SpecialType != SpecialType.System_String
                ? $"({access} is null ? 0 : {hash})"
                : hash;
        }

        // The members a tuple's or record's hashes go over (as Hash takes them), or null for other types.
        private static List<(string Name, ITypeSymbol Type)>? HashedMembers(INamedTypeSymbol named)
        {
            if (named.IsTupleType)
            {
                return named.TupleElements.Length > 0 ? ValueSemantics.MembersOf(named) : null;
            }

            return named.IsRecord && !ValueSemantics.DefinesOwnEquality(named) && ValueSemantics.RecordMembers(named) is not null
                ? ValueSemantics.MembersOf(named)
                : null;
        }

        /// <summary>The name of a non-generic type of the namespace <c>System</c> (<c>Guid</c>), or null.</summary>
        private static string? SystemTypeName(ITypeSymbol type) =>
            type is INamedTypeSymbol { Arity: 0, ContainingType: null, ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } named
                ? named.Name
                : null;

        private static string MemberHash(ITypeSymbol type, string access, int depth)
        {
            string hash = Hash(type, access, depth + 1);
            return type.IsReferenceType && type.SpecialType != SpecialType.System_String
                ? $"({access} is null ? 0 : {hash})"
                : hash;
        }
    }
}
