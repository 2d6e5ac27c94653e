using Microsoft.CodeAnalysis;

namespace MapReduceGen.Generator.Parsing
{
    /// <summary>The framework types the parser recognises, resolved once per compilation.</summary>
    internal sealed class KnownTypes
    {
        public const string MapperAttributeName = "MapReduceGen.MapperAttribute";
        public const string ReducerAttributeName = "MapReduceGen.ReducerAttribute";

        public KnownTypes(Compilation compilation)
        {
            MapperAttribute = compilation.GetTypeByMetadataName(MapperAttributeName);
            ReducerAttribute = compilation.GetTypeByMetadataName(ReducerAttributeName);
            Emitter = compilation.GetTypeByMetadataName("MapReduceGen.Emitter`2");
            ReadOnlySpan = compilation.GetTypeByMetadataName("System.ReadOnlySpan`1");
            IReadOnlyList = compilation.GetTypeByMetadataName("System.Collections.Generic.IReadOnlyList`1");
            IEnumerable = compilation.GetTypeByMetadataName("System.Collections.Generic.IEnumerable`1");
            IAsyncEnumerable = compilation.GetTypeByMetadataName("System.Collections.Generic.IAsyncEnumerable`1");
            TextSource = compilation.GetTypeByMetadataName("MapReduceGen.TextSource");
            Stream = compilation.GetTypeByMetadataName("System.IO.Stream");
            IEquatable = compilation.GetTypeByMetadataName("System.IEquatable`1");
            ValueTuple2 = compilation.GetTypeByMetadataName("System.ValueTuple`2");
            Utf8TextMapper = compilation.GetTypeByMetadataName("MapReduceGen.IUtf8TextMapper`2");
            ClusterExecutor = compilation.GetTypeByMetadataName("MapReduceGen.Orleans.MapReduceClusterExecutor");
            SiloBuilder = compilation.GetTypeByMetadataName("Orleans.Hosting.ISiloBuilder");
        }

        public INamedTypeSymbol? MapperAttribute { get; }

        public INamedTypeSymbol? ReducerAttribute { get; }

        public INamedTypeSymbol? Emitter { get; }

        public INamedTypeSymbol? ReadOnlySpan { get; }

        public INamedTypeSymbol? IReadOnlyList { get; }

        public INamedTypeSymbol? IEnumerable { get; }

        public INamedTypeSymbol? IAsyncEnumerable { get; }

        public INamedTypeSymbol? TextSource { get; }

        public INamedTypeSymbol? Stream { get; }

        public INamedTypeSymbol? IEquatable { get; }

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
