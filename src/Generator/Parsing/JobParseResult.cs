using System.Collections.Generic;
using MapReduceGen.Generator.Model;
using Microsoft.CodeAnalysis;

namespace MapReduceGen.Generator.Parsing
{
    /// <summary>
    /// What the parser found for one job class: the model when the job is valid, and the diagnostics. The
    /// generator keeps only the model (diagnostics hold locations and would defeat caching); the analyzer reports
    /// the diagnostics.
    /// </summary>
    internal sealed class JobParseResult
    {
        public JobParseResult(
            JobModel? model, IReadOnlyList<Diagnostic> diagnostics, IMethodSymbol? firstMapper = null, ITypeSymbol? keyType = null, ITypeSymbol? valueType = null)
        {
            Model = model;
            FirstMapper = firstMapper;
            Diagnostics = diagnostics;
            KeyType = keyType;
            ValueType = valueType;
        }

        public JobModel? Model { get; }

        /// <summary>The job's first mapper, when the job is valid: the one method the generator reads the job from (overloads share its name).</summary>
        public IMethodSymbol? FirstMapper { get; }

        /// <summary>The key type the mappers emit, when the job is valid (to recognise its emitters' calls).</summary>
        public ITypeSymbol? KeyType { get; }

        /// <summary>The value type the mappers emit, when the job is valid.</summary>
        public ITypeSymbol? ValueType { get; }

        public IReadOnlyList<Diagnostic> Diagnostics { get; }
    }
}
