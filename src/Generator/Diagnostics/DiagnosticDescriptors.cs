using Microsoft.CodeAnalysis;

namespace MapReduceGen.Generator.Diagnostics
{
    /// <summary>
    /// Every diagnostic MapReduceGen reports. Ids are stable once published; docs/diagnostics.md has a section for
    /// each, which <see cref="DiagnosticDescriptor.HelpLinkUri"/> points at.
    /// </summary>
    internal static class DiagnosticDescriptors
    {
        public const string Category = "MapReduceGen";
        public const string DocsUrl = "https://github.com/mapreducegen/MapReduceGen/blob/main/docs/diagnostics.md";

        public static readonly DiagnosticDescriptor MethodNotStatic = Error(
            "MRG0001", "Mapper and reducer methods must be static",
            "The {0} method '{1}' must be static: add the 'static' modifier");

        public static readonly DiagnosticDescriptor MethodIsGeneric = Error(
            "MRG0002", "Mapper and reducer methods must not be generic",
            "The {0} method '{1}' must not be generic: remove its type parameters and use concrete types");

        public static readonly DiagnosticDescriptor TypeNotPartial = Error(
            "MRG0003", "The job class and every type containing it must be partial",
            "The type '{0}' holding the job '{1}' must be partial so MapReduceGen can add Run and RunAsync: add the 'partial' modifier");

        public static readonly DiagnosticDescriptor MapperWithoutReducer = Error(
            "MRG0004", "A job needs a reducer",
            "The job class '{0}' has the mapper '{1}' but no [Reducer] method: add a static reducer method marked [Reducer]");

        public static readonly DiagnosticDescriptor ReducerWithoutMapper = Error(
            "MRG0005", "A job needs a mapper",
            "The job class '{0}' has the reducer '{1}' but no [Mapper] method: add a static mapper method marked [Mapper]");

        public static readonly DiagnosticDescriptor DuplicateMapper = Error(
            "MRG0006", "A job has exactly one mapper",
            "The job class '{0}' already has the mapper '{1}'; '{2}' is a second one: remove [Mapper] from one of them or move it to its own partial class");

        public static readonly DiagnosticDescriptor DuplicateReducer = Error(
            "MRG0007", "A job has exactly one reducer",
            "The job class '{0}' already has the reducer '{1}'; '{2}' is a second one: remove [Reducer] from one of them or move it to its own partial class");

        public static readonly DiagnosticDescriptor InvalidMapperShape = Error(
            "MRG0008", "The mapper's signature matches no mapper form",
            "The mapper '{0}' {1}: declare it as 'static void {0}(TInput input, Emitter<TKey, TValue> emit)' or 'static IEnumerable<(TKey Key, TValue Value)> {0}(TInput input)'");

        public static readonly DiagnosticDescriptor InvalidReducerShape = Error(
            "MRG0009", "The reducer's signature matches no reducer form",
            "The reducer '{0}' {1}: declare it as 'static TValue {0}(TValue left, TValue right)', 'static TResult {0}(TKey key, ReadOnlySpan<TValue> values)' or 'static TResult {0}(TKey key, IReadOnlyList<TValue> values)'");

        public static readonly DiagnosticDescriptor KeyTypeMismatch = Error(
            "MRG0010", "The reducer's key type differs from the mapper's",
            "The reducer '{0}' takes keys of type '{1}' but the mapper '{2}' emits keys of type '{3}': make both use the same key type");

        public static readonly DiagnosticDescriptor ValueTypeMismatch = Error(
            "MRG0011", "The reducer's value type differs from the mapper's",
            "The reducer '{0}' takes values of type '{1}' but the mapper '{2}' emits values of type '{3}': make both use the same value type");

        public static readonly DiagnosticDescriptor FoldResultMismatch = Error(
            "MRG0012", "A fold reducer returns the value type",
            "The fold reducer '{0}' returns '{1}' but combines values of type '{2}': return '{2}', or take '(TKey key, ReadOnlySpan<{2}> values)' to produce a different result type");

        public static readonly DiagnosticDescriptor KeyWithoutValueEquality = Error(
            "MRG0013", "The key type has no value equality",
            "The key type '{0}' of the job '{1}' neither implements IEquatable<{0}> nor overrides Equals and GetHashCode, so equal-looking keys are different keys: make it a record, or implement IEquatable<{0}>, or opt in to keys compared by reference with [Mapper(AllowReferenceEqualityKeys = true)]");

        public static readonly DiagnosticDescriptor InaccessibleType = Error(
            "MRG0014", "The job's types must be visible to the generated Run method",
            "The type '{0}' used by the {1} '{2}' is {3}, so the generated Run method cannot expose it: make '{0}' internal or public");

        public static readonly DiagnosticDescriptor GeneratedNameCollision = Error(
            "MRG0015", "A name the generator adds is already taken",
            "'{0}' in the job class '{1}' collides with the '{0}' MapReduceGen generates: rename it");

        public static readonly DiagnosticDescriptor InvalidAttributeTarget = Error(
            "MRG0016", "Only methods declared in a class can be mappers or reducers",
            "[{0}] is on {1}, which cannot be a {2}: put it on a static method declared directly in the partial job class");

        public static readonly DiagnosticDescriptor AbstractOrExternMethod = Error(
            "MRG0017", "Mapper and reducer methods need a body",
            "The {0} method '{1}' is {2}: give it a body in the job class");

        public static readonly DiagnosticDescriptor UnsupportedJobType = Error(
            "MRG0018", "The job type must be a non-generic class or struct",
            "The job type '{0}' is {1}: declare the mapper and reducer in a non-generic partial class");

        private static DiagnosticDescriptor Error(string id, string title, string message) =>
            new DiagnosticDescriptor(
                id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true,
                helpLinkUri: DocsUrl + "#" + id.ToLowerInvariant());
    }
}
