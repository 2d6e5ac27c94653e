using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace MapReduceGen.Generator.Parsing
{
    /// <summary>The framework types the parser recognises, resolved once per compilation.</summary>
    internal sealed class KnownTypes
    {
        public const string MapperAttributeName = "MapReduceGen.MapperAttribute";
        public const string ReducerAttributeName = "MapReduceGen.ReducerAttribute";

        /// <summary>The attributes of a job's helper methods, with the role each names in messages.</summary>
        public static readonly (string MetadataName, string Attribute, string Role)[] HelperAttributes =
        {
            ("MapReduceGen.CombinerAttribute", "Combiner", "combiner"),
            ("MapReduceGen.KeyComparerAttribute", "KeyComparer", "key comparer"),
            ("MapReduceGen.ValueComparerAttribute", "ValueComparer", "value comparer"),
            ("MapReduceGen.OutputComparerAttribute", "OutputComparer", "output comparer"),
            ("MapReduceGen.PartitionerAttribute", "Partitioner", "partitioner"),
            ("MapReduceGen.TaskSetupAttribute", "TaskSetup", "task setup"),
        };

        private static readonly string[] SequenceInterfaceNames =
        {
            "System.Collections.Generic.IEnumerable`1", "System.Collections.Generic.IReadOnlyCollection`1",
            "System.Collections.Generic.IReadOnlyList`1", "System.Collections.Generic.ICollection`1", "System.Collections.Generic.IList`1",
        };

        private static readonly ConditionalWeakTable<Compilation, KnownTypes> Cache = new ConditionalWeakTable<Compilation, KnownTypes>();

        private KnownTypes(Compilation compilation)
        {
            Compilation = compilation;
            List = compilation.GetTypeByMetadataName("System.Collections.Generic.List`1");
            Dictionary = compilation.GetTypeByMetadataName("System.Collections.Generic.Dictionary`2");
            SequenceInterfaces = SequenceInterfaceNames.Select(compilation.GetTypeByMetadataName).Where(t => t is not null).Select(t => t!).ToArray();
            MapperAttribute = compilation.GetTypeByMetadataName(MapperAttributeName);
            ReducerAttribute = compilation.GetTypeByMetadataName(ReducerAttributeName);
            Emitter = compilation.GetTypeByMetadataName("MapReduceGen.Emitter`2");
            EmitterExtensions = compilation.GetTypeByMetadataName("MapReduceGen.EmitterExtensions");
            ReadOnlySpan = compilation.GetTypeByMetadataName("System.ReadOnlySpan`1");
            IReadOnlyList = compilation.GetTypeByMetadataName("System.Collections.Generic.IReadOnlyList`1");
            IEnumerable = compilation.GetTypeByMetadataName("System.Collections.Generic.IEnumerable`1");
            IAsyncEnumerable = compilation.GetTypeByMetadataName("System.Collections.Generic.IAsyncEnumerable`1");
            TextSource = compilation.GetTypeByMetadataName("MapReduceGen.TextSource");
            Stream = compilation.GetTypeByMetadataName("System.IO.Stream");
            IEquatable = compilation.GetTypeByMetadataName("System.IEquatable`1");
            ValueTuple2 = compilation.GetTypeByMetadataName("System.ValueTuple`2");
            KeyValuePair = compilation.GetTypeByMetadataName("System.Collections.Generic.KeyValuePair`2");
            Utf8TextMapper = compilation.GetTypeByMetadataName("MapReduceGen.IUtf8TextMapper`2");
            ClusterExecutor = compilation.GetTypeByMetadataName("MapReduceGen.Orleans.MapReduceClusterExecutor");
            SiloBuilder = compilation.GetTypeByMetadataName("Orleans.Hosting.ISiloBuilder");
            Counters = compilation.GetTypeByMetadataName("MapReduceGen.Counters");
            RecordOutput = compilation.GetTypeByMetadataName("MapReduceGen.RecordOutput`1");
            MapReduceResult = compilation.GetTypeByMetadataName("MapReduceGen.MapReduceResult`2");
            IComparable = compilation.GetTypeByMetadataName("System.IComparable");
            IComparableOfT = compilation.GetTypeByMetadataName("System.IComparable`1");
            Int32 = compilation.GetSpecialType(SpecialType.System_Int32);
            Helpers = new INamedTypeSymbol?[HelperAttributes.Length];
            for (int i = 0; i < HelperAttributes.Length; i++)
            {
                Helpers[i] = compilation.GetTypeByMetadataName(HelperAttributes[i].MetadataName);
            }
        }

        /// <summary>
        /// The types of a compilation, resolved once for it (every job the generator reads in one compilation asks; a
        /// compilation is immutable, and the table lets it go with the compilation).
        /// </summary>
        public static KnownTypes For(Compilation compilation) => Cache.GetValue(compilation, static c => new KnownTypes(c));

        /// <summary>The compilation the types are of (what generated code can access is decided in it).</summary>
        public Compilation Compilation { get; }

        /// <summary><c>List&lt;T&gt;</c>, which generated codecs write as a count and items.</summary>
        public INamedTypeSymbol? List { get; }

        /// <summary><c>Dictionary&lt;TKey, TValue&gt;</c>, which generated codecs write as a count and pairs.</summary>
        public INamedTypeSymbol? Dictionary { get; }

        /// <summary>
        /// The sequence interfaces a <c>List&lt;T&gt;</c> implements (<c>IEnumerable&lt;T&gt;</c>, <c>IReadOnlyList&lt;T&gt;</c>, ...),
        /// which generated codecs write as their items and read back as a list.
        /// </summary>
        public INamedTypeSymbol[] SequenceInterfaces { get; }

        /// <summary>The helper attributes' types, in the order of <see cref="HelperAttributes"/> (null when the runtime is older).</summary>
        public INamedTypeSymbol?[] Helpers { get; }

        public INamedTypeSymbol? Counters { get; }

        public INamedTypeSymbol? RecordOutput { get; }

        public INamedTypeSymbol? MapReduceResult { get; }

        public INamedTypeSymbol? IComparable { get; }

        public INamedTypeSymbol? IComparableOfT { get; }

        /// <summary><c>int</c>: what comparers and partitioners return.</summary>
        public INamedTypeSymbol Int32 { get; }

        /// <summary>The index in <see cref="HelperAttributes"/> of a helper attribute, or -1.</summary>
        public int HelperIndex(AttributeData attribute)
        {
            for (int i = 0; i < Helpers.Length; i++)
            {
                if (Helpers[i] is not null && SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, Helpers[i]))
                {
                    return i;
                }
            }

            return -1;
        }

        public bool IsCounters(ITypeSymbol type) => Counters is not null && SymbolEqualityComparer.Default.Equals(type, Counters);

        public INamedTypeSymbol? MapperAttribute { get; }

        public INamedTypeSymbol? ReducerAttribute { get; }

        public INamedTypeSymbol? Emitter { get; }

        /// <summary>The <c>Emit(ReadOnlySpan&lt;char&gt;)</c> and <c>EmitUtf8</c> extensions of string-keyed emitters.</summary>
        public INamedTypeSymbol? EmitterExtensions { get; }

        public INamedTypeSymbol? ReadOnlySpan { get; }

        public INamedTypeSymbol? IReadOnlyList { get; }

        public INamedTypeSymbol? IEnumerable { get; }

        public INamedTypeSymbol? IAsyncEnumerable { get; }

        public INamedTypeSymbol? TextSource { get; }

        public INamedTypeSymbol? Stream { get; }

        public INamedTypeSymbol? IEquatable { get; }

        /// <summary><c>KeyValuePair&lt;TKey, TValue&gt;</c>: a sequence mapper may yield these instead of tuples.</summary>
        public INamedTypeSymbol? KeyValuePair { get; }

        public INamedTypeSymbol? ValueTuple2 { get; }

        /// <summary>The UTF-8 block mapper interface a line job may also implement.</summary>
        public INamedTypeSymbol? Utf8TextMapper { get; }

        /// <summary>The cluster backend's executor, when the project references MapReduceGen.Orleans.</summary>
        public INamedTypeSymbol? ClusterExecutor { get; }

        /// <summary>Orleans' silo builder, when the project references Orleans' hosting.</summary>
        public INamedTypeSymbol? SiloBuilder { get; }

        /// <summary>Whether jobs get the cluster members (<c>RunOnClusterAsync</c>, <c>AddToSilo</c>).</summary>
        public bool HasClusterBackend => ClusterExecutor is not null && SiloBuilder is not null;

        /// <summary>False when the runtime is not referenced: then nothing is a job.</summary>
        public bool IsComplete =>
            MapperAttribute is not null && ReducerAttribute is not null && Emitter is not null &&
            ReadOnlySpan is not null && IReadOnlyList is not null && IEnumerable is not null;

        public bool IsMapper(AttributeData attribute) =>
            SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, MapperAttribute);

        public bool IsReducer(AttributeData attribute) =>
            SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, ReducerAttribute);
    }
}
