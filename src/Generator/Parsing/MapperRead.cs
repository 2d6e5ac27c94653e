using System.Collections.Generic;
using MapReduceGen.Generator.Model;
using Microsoft.CodeAnalysis;

namespace MapReduceGen.Generator.Parsing
{
    /// <summary>What one mapper declares: its input, the key and value types it emits, its form and its extra parameters.</summary>
    internal sealed class MapperRead
    {
        public MapperRead(
            IMethodSymbol method, ITypeSymbol input, ITypeSymbol key, ITypeSymbol value, MapperShape shape, List<ExtraParameter> extras,
            bool yieldsKeyValuePairs = false)
        {
            YieldsKeyValuePairs = yieldsKeyValuePairs;
            Method = method;
            Input = input;
            Key = key;
            Value = value;
            Shape = shape;
            Extras = extras;
        }

        public IMethodSymbol Method { get; }

        public ITypeSymbol Input { get; }

        public ITypeSymbol Key { get; }

        public ITypeSymbol Value { get; }

        public MapperShape Shape { get; }

        public List<ExtraParameter> Extras { get; }

        /// <summary>Whether a sequence mapper yields <c>KeyValuePair&lt;TKey, TValue&gt;</c> rather than <c>(TKey, TValue)</c> tuples.</summary>
        public bool YieldsKeyValuePairs { get; }
    }
}
