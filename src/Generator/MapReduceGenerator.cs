using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using MapReduceGen.Generator.Emitting;
using MapReduceGen.Generator.Helpers;
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

            /// <summary>The <c>Emit</c> calls in jobs' own code that are intercepted.</summary>
            public const string EmitCalls = "EmitCalls";

            /// <summary>The intercepted calls grouped by job, one file each.</summary>
            public const string Interceptors = "Interceptors";
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

            // Interceptors: each Emit call in a job's own code goes straight to the job's map sink. Only when the project
            // lets the generator's namespace intercept (the package sets InterceptorsNamespaces); otherwise the calls
            // stay ordinary virtual calls.
            IncrementalValueProvider<bool> interceptorsEnabled = context.ParseOptionsProvider
                .Select(static (options, _) => EmitCallParser.InterceptorsEnabled(options));
            IncrementalValuesProvider<EmitCallModel> calls = context.SyntaxProvider
                .CreateSyntaxProvider(
                    predicate: static (node, _) => EmitCallParser.IsCandidate(node),
                    transform: static (ctx, ct) => EmitCallParser.Parse(ctx, ct))
                .Where(static call => call is not null)
                .Select(static (call, _) => call!)
                .WithTrackingName(TrackingNames.EmitCalls);
            IncrementalValuesProvider<JobInterceptorsModel> interceptors = calls
                .Collect()
                .Combine(interceptorsEnabled)
                .SelectMany(static (input, ct) => input.Right ? GroupByJob(input.Left, ct) : ImmutableArray<JobInterceptorsModel>.Empty)
                .WithTrackingName(TrackingNames.Interceptors);
            context.RegisterSourceOutput(interceptors, static (spc, job) =>
            {
                spc.CancellationToken.ThrowIfCancellationRequested();
                spc.AddSource(job.HintName, InterceptorEmitter.Emit(job));
            });
        }

        private const string InterceptorsSuffix = ".Interceptors.g.cs";

        /// <summary>One model per job (its calls in source order), with case-insensitively unique file names.</summary>
        private static ImmutableArray<JobInterceptorsModel> GroupByJob(ImmutableArray<EmitCallModel> calls, CancellationToken cancellationToken)
        {
            var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var result = ImmutableArray.CreateBuilder<JobInterceptorsModel>();
            foreach (IGrouping<string, EmitCallModel> job in calls.GroupBy(c => c.JobStruct, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                cancellationToken.ThrowIfCancellationRequested();
                EmitCallModel first = job.First();
                string stem = first.JobHintName.Substring(0, first.JobHintName.Length - HintSuffix.Length);
                string hintName = stem + InterceptorsSuffix;
                for (int attempt = 2; !taken.Add(hintName); attempt++)
                {
                    hintName = stem + "." + attempt.ToString(CultureInfo.InvariantCulture) + InterceptorsSuffix;
                }

                result.Add(new JobInterceptorsModel(hintName, first.JobName, new EquatableArray<EmitCallModel>(job)));
            }

            return result.ToImmutable();
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
