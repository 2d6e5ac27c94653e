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

        // MRG0006 ("a job has exactly one mapper") is retired: a job may have one mapper per input.

        public static readonly DiagnosticDescriptor DuplicateReducer = Error(
            "MRG0007", "A job has exactly one reducer",
            "The job class '{0}' already has the reducer '{1}'; '{2}' is a second one: remove [Reducer] from one of them or move it to its own partial class");

        public static readonly DiagnosticDescriptor InvalidMapperShape = Error(
            "MRG0008", "The mapper's signature matches no mapper form",
            "The mapper '{0}' {1}: declare it as 'static void {0}(TInput input, Emitter<TKey, TValue> emit)' or 'static IEnumerable<(TKey Key, TValue Value)> {0}(TInput input)', optionally followed by the job's parameters and a Counters");

        public static readonly DiagnosticDescriptor InvalidReducerShape = Error(
            "MRG0009", "The reducer's signature matches no reducer form",
            "The reducer '{0}' {1}: declare it as 'static TValue {0}(TValue left, TValue right)', 'static TResult {0}(TKey key, ReadOnlySpan<TValue> values)', 'static TResult {0}(TKey key, IReadOnlyList<TValue> values)', 'static TResult {0}(TKey key, TValue combined)' with a [Combiner], 'static TResult {0}(TKey key)' for keys only, or 'static void {0}(TKey key, ReadOnlySpan<TValue> values, RecordOutput<TRecord> output)'");

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
            "The key type '{0}' of the job '{1}' {2}, so equal-looking keys are different keys: make it a record, or implement IEquatable<{0}>, or opt in to keys compared by reference with [Mapper(AllowReferenceEqualityKeys = true)]");

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

        public static readonly DiagnosticDescriptor InvalidCombinerShape = Error(
            "MRG0019", "The combiner's signature is not 'static TValue C(TValue left, TValue right)'",
            "The combiner '{0}' {1}: declare it as 'static {2} {0}({2} left, {2} right)'");

        public static readonly DiagnosticDescriptor CombinerWithFoldReducer = Error(
            "MRG0020", "A fold reducer already combines; a job with one has no [Combiner]",
            "The job class '{0}' has the combiner '{1}' and the fold reducer '{2}', which already combines values: remove [Combiner], or make '{2}' a finishing reducer 'static TResult {2}(TKey key, {3} combined)'");

        public static readonly DiagnosticDescriptor FinishingReducerWithoutCombiner = Error(
            "MRG0021", "A reducer that takes one combined value needs a [Combiner]",
            "The reducer '{0}' takes one combined value of type '{1}' per key, but the job has no [Combiner]: add a method 'static {1} Combine({1} left, {1} right)' marked [Combiner]");

        public static readonly DiagnosticDescriptor ParametersTypeMismatch = Error(
            "MRG0022", "Every method of a job takes the same parameters type",
            "The {0} '{1}' takes parameters of type '{2}' but the {3} '{4}' takes '{5}': every method of a job takes the same parameters type");

        public static readonly DiagnosticDescriptor InvalidExtraParameter = Error(
            "MRG0023", "After its required parameters, a method takes only the job's parameters and a Counters",
            "The {0} '{1}' {2}: after its required parameters, a {0} may take the job's parameters (one parameter of any type), a Counters and, in a job with a [TaskSetup], the task's state, each at most once, by value");

        public static readonly DiagnosticDescriptor MapperTypesDiffer = Error(
            "MRG0024", "Every mapper of a job emits the same key and value types",
            "The mapper '{0}' emits keys of type '{1}' and values of type '{2}' but the mapper '{3}' emits '{4}' and '{5}': every mapper of a job emits the same key and value types");

        public static readonly DiagnosticDescriptor InvalidComparerShape = Error(
            "MRG0025", "A comparer's signature is not 'static int C(T left, T right)'",
            "The [{0}] method '{1}' {2}: declare it as 'static int {1}({3} left, {3} right)'");

        public static readonly DiagnosticDescriptor InvalidPartitionerShape = Error(
            "MRG0026", "The partitioner's signature is not 'static int P(TKey key, int partitionCount)'",
            "The partitioner '{0}' {1}: declare it as 'static int {0}({2} key, int partitionCount)'");

        public static readonly DiagnosticDescriptor DuplicateHelper = Error(
            "MRG0027", "A job has at most one method of each helper kind",
            "The job class '{0}' already has the [{1}] method '{2}'; '{3}' is a second one: remove [{1}] from one of them");

        public static readonly DiagnosticDescriptor ValueComparerWithoutValues = Error(
            "MRG0028", "A [ValueComparer] needs a reducer that takes the values",
            "The [ValueComparer] method '{0}' orders the values a reducer sees, but the reducer '{1}' {2}: remove [ValueComparer], or take the values as ReadOnlySpan<TValue> or IReadOnlyList<TValue>");

        public static readonly DiagnosticDescriptor UnorderedKey = Error(
            "MRG0030", "A job sorted by key needs keys that can be ordered",
            "The job '{0}' sorts its output by key but its key type '{1}' has no order: implement IComparable<{1}>, or declare a method 'static int CompareKeys({1} left, {1} right)' marked [KeyComparer]");

        public static readonly DiagnosticDescriptor TopWithoutOrder = Error(
            "MRG0031", "Top() needs results that can be ordered",
            "Top ranks results of type '{0}', which has no order: pass an IComparer<{0}> or a selector to Top, or make '{0}' implement IComparable<{0}>");

        public static readonly DiagnosticDescriptor HelperWithoutJob = Error(
            "MRG0032", "A job helper method must be in a job class",
            "[{0}] is on '{1}' in '{2}', which has no [Mapper] or [Reducer]: declare it in the partial job class it belongs to");

        public static readonly DiagnosticDescriptor CombinerWithDistinctReducer = Error(
            "MRG0033", "A reducer of keys only has no [Combiner]",
            "The job class '{0}' has the combiner '{1}' but the reducer '{2}' takes only keys, so no value is ever combined: remove [Combiner], or take the values ('ReadOnlySpan<TValue> values', or 'TValue combined' after the key)");

        public static readonly DiagnosticDescriptor AsyncMethod = Error(
            "MRG0035", "A job's methods run synchronously",
            "The {0} '{1}' {2}");

        public static readonly DiagnosticDescriptor InvalidTaskSetup = Error(
            "MRG0037", "The [TaskSetup] method's signature is not 'static TState S()'",
            "The task setup '{0}' {1}: declare it as 'static TState {0}()', optionally taking the job's parameters and a Counters, where TState is the state each task keeps (a type of its own, which the mapper or reducer takes)");

        public static readonly DiagnosticDescriptor LanguageVersionTooOld = Error(
            "MRG0036", "MapReduceGen needs C# 11 or later",
            "MapReduceGen needs C# 11 or later, and the job '{0}' is compiled as C# {1}: remove <LangVersion> (.NET 7 and later default to C# 11 or later) or set it to 11 or later");

        public static readonly DiagnosticDescriptor UnwritableType = new DiagnosticDescriptor(
            "MRG0034", "A type of the job cannot be written to disk",
            "The {0} type '{1}' cannot be written by generated code: it {2}. {3}: make '{1}' a record with a primary constructor (or give it settable members and a public parameterless constructor), or suppress MRG0034 to accept the limit.",
            Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: DocsUrl + "#mrg0034");

        private static DiagnosticDescriptor Error(string id, string title, string message) =>
            new DiagnosticDescriptor(
                id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true,
                helpLinkUri: DocsUrl + "#" + id.ToLowerInvariant());
    }
}
