using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace MapReduceGen.Generator.Parsing
{
    /// <summary>The methods of one job: its mappers, its reducer and its helpers (each optional).</summary>
    internal sealed class JobParts
    {
        public JobParts(MarkedMethods methods)
        {
            Mappers = methods.Mappers;
            Reducer = methods.Reducers[0];
            Combiner = First(methods.Helpers[0]);
            KeyComparer = First(methods.Helpers[1]);
            ValueComparer = First(methods.Helpers[2]);
            OutputComparer = First(methods.Helpers[3]);
            Partitioner = First(methods.Helpers[4]);
            TaskSetup = First(methods.Helpers[5]);
        }

        public List<IMethodSymbol> Mappers { get; }

        public IMethodSymbol Reducer { get; }

        public IMethodSymbol? Combiner { get; }

        public IMethodSymbol? KeyComparer { get; }

        public IMethodSymbol? ValueComparer { get; }

        public IMethodSymbol? OutputComparer { get; }

        public IMethodSymbol? Partitioner { get; }

        /// <summary>The <c>[TaskSetup]</c> method that makes each task's state, or <see langword="null"/>.</summary>
        public IMethodSymbol? TaskSetup { get; }

        private static IMethodSymbol? First(List<IMethodSymbol> methods) => methods.Count > 0 ? methods[0] : null;
    }
}
