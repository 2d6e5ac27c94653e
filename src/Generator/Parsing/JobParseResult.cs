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
        public JobParseResult(JobModel? model, IReadOnlyList<Diagnostic> diagnostics)
        {
            Model = model;
            Diagnostics = diagnostics;
        }

        public JobModel? Model { get; }

        public IReadOnlyList<Diagnostic> Diagnostics { get; }
    }
}
