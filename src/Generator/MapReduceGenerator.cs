using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using MapReduceGen.Generator.Emitting;
using MapReduceGen.Generator.Model;
using MapReduceGen.Generator.Parsing;
using Microsoft.CodeAnalysis;

namespace MapReduceGen.Generator
{
    /// <summary>
    /// Finds every <c>[Mapper]</c> method, reads its job class into an equatable <see cref="JobModel"/>, and writes
    /// <c>Run</c>, <c>RunAsync</c> and the job struct for each valid job. Invalid jobs generate nothing; the
    /// <see cref="Diagnostics.JobAnalyzer"/> reports why.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class MapReduceGenerator : IIncrementalGenerator
    {
        /// <summary>Tracking names of the pipeline's steps (tests assert they are cached).</summary>
        public static class TrackingNames
        {
            /// <summary>The job models read from each <c>[Mapper]</c> method.</summary>
            public const string Jobs = "Jobs";

            /// <summary>The valid jobs only.</summary>
            public const string ValidJobs = "ValidJobs";

            /// <summary>The valid jobs with their final, case-insensitively unique file names.</summary>
            public const string NamedJobs = "NamedJobs";
        }

        /// <inheritdoc/>
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            IncrementalValuesProvider<JobModel?> jobs = context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    KnownTypes.MapperAttributeName,
                    predicate: static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax,
                    transform: static (ctx, ct) => ReadJob(ctx, ct))
                .WithTrackingName(TrackingNames.Jobs);

            IncrementalValuesProvider<JobModel> valid = jobs
                .Where(static job => job is not null)
                .Select(static (job, _) => job!)
                .WithTrackingName(TrackingNames.ValidJobs);

            // Hint names are unique ignoring case but C# names are not (Ns.Job and Ns.job are two jobs): the jobs are
            // gathered once to number such names. Each job's item stays equal unless it changed, so only a changed
            // job's source is written again.
            IncrementalValuesProvider<JobModel> named = valid
                .Collect()
                .SelectMany(static (all, ct) => AssignUniqueHintNames(all, ct))
                .WithTrackingName(TrackingNames.NamedJobs);

            context.RegisterSourceOutput(named, static (spc, job) =>
            {
                spc.CancellationToken.ThrowIfCancellationRequested();
                spc.AddSource(job.HintName, JobEmitter.Emit(job));
            });
        }

        private static ImmutableArray<JobModel> AssignUniqueHintNames(ImmutableArray<JobModel> jobs, CancellationToken cancellationToken)
        {
            var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var result = ImmutableArray.CreateBuilder<JobModel>(jobs.Length);
            foreach (JobModel job in jobs.OrderBy(j => j.HintName, StringComparer.Ordinal))
            {
                cancellationToken.ThrowIfCancellationRequested();
                string hintName = job.HintName;
                for (int attempt = 2; !taken.Add(hintName); attempt++)
                {
                    hintName = job.HintName.Substring(0, job.HintName.Length - HintSuffix.Length) + "." +
                        attempt.ToString(CultureInfo.InvariantCulture) + HintSuffix;
                }

                result.Add(hintName == job.HintName ? job : job with { HintName = hintName });
            }

            return result.MoveToImmutable();
        }

        private const string HintSuffix = ".MapReduce.g.cs";

        private static JobModel? ReadJob(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            if (context.TargetSymbol is not IMethodSymbol { ContainingType: { } jobType } method)
            {
                return null;
            }

            var known = new KnownTypes(context.SemanticModel.Compilation);
            if (!known.IsComplete)
            {
                return null;
            }

            JobParseResult result = JobParser.Parse(jobType, known, cancellationToken);

            // Several [Mapper] hits in one class make the job invalid (no model); this keeps one output per job
            // even if a parse ever accepted one.
            return result.Model is { } model && model.MapperName == method.Name ? model : null;
        }
    }
}
