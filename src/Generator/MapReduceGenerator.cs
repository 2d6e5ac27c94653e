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
    /// Finds every <c>[Mapper]</c> method, reads its job class into an equatable <see cref="JobModel"/> (and, when the project
    /// allows interceptors, the job's <c>Emit</c> calls), and writes <c>Run</c>, <c>RunAsync</c> and the job struct for
    /// each valid job, and its interceptors. Invalid jobs generate nothing; the <see cref="Diagnostics.JobAnalyzer"/>
    /// reports why.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class MapReduceGenerator : IIncrementalGenerator
    {
        private const string HintSuffix = ".MapReduce.g.cs";

        /// <summary>Tracking names of the pipeline's steps (tests assert they are cached).</summary>
        public static class TrackingNames
        {
            /// <summary>The jobs read from each <c>[Mapper]</c> method, with their intercepted calls.</summary>
            public const string Jobs = "Jobs";

            /// <summary>The valid jobs only.</summary>
            public const string ValidJobs = "ValidJobs";

            /// <summary>The valid jobs with their final, case-insensitively unique file names.</summary>
            public const string NamedJobs = "NamedJobs";

            /// <summary>The intercepted <c>Emit</c> calls of each job, taken from the jobs read (none when interceptors are off).</summary>
            public const string EmitCalls = "EmitCalls";

            /// <summary>The intercepted calls of each job with a case-insensitively unique file name, one file each.</summary>
            public const string Interceptors = "Interceptors";
        }

        /// <inheritdoc/>
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            IncrementalValuesProvider<ParsedJob?> jobs = context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    KnownTypes.MapperAttributeName,
                    predicate: static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax,
                    transform: static (ctx, ct) => ReadJob(ctx, ct))
                .WithTrackingName(TrackingNames.Jobs);

            IncrementalValuesProvider<JobModel> valid = jobs
                .Where(static job => job is not null)
                .Select(static (job, _) => job!.Job)
                .WithTrackingName(TrackingNames.ValidJobs);

            // Hint names are unique ignoring case but C# names are not (Ns.Job and Ns.job are two jobs): the jobs are
            // gathered once to number such names. Each job's item stays equal unless it changed, so only a changed
            // job's source is written again.
            IncrementalValuesProvider<JobModel> named = valid
                .Collect()
                .SelectMany(static (all, ct) => UniqueHintNames(all, job => job.HintName, HintSuffix, (job, name) => job with { HintName = name }, ct))
                .WithTrackingName(TrackingNames.NamedJobs);
            context.RegisterSourceOutput(named, static (spc, job) =>
            {
                spc.CancellationToken.ThrowIfCancellationRequested();
                spc.AddSource(job.HintName, JobEmitter.Emit(job));
            });

            // Interceptors: each Emit call in a job's own code goes straight to the job's map sink. The calls were read with
            // the job, and only when the project lets the generator's namespace intercept (the package sets
            // InterceptorsNamespaces); otherwise the calls stay ordinary virtual calls and nothing here runs.
            IncrementalValuesProvider<JobInterceptorsModel> calls = jobs
                .Select(static (job, _) => job?.Interceptors)
                .Where(static interceptors => interceptors is not null)
                .Select(static (interceptors, _) => interceptors!)
                .WithTrackingName(TrackingNames.EmitCalls);
            IncrementalValuesProvider<JobInterceptorsModel> interceptors = calls
                .Collect()
                .SelectMany(static (all, ct) => UniqueHintNames(
                    all, job => job.HintName, ".Interceptors.g.cs", (job, name) => job with { HintName = name }, ct))
                .WithTrackingName(TrackingNames.Interceptors);
            context.RegisterSourceOutput(interceptors, static (spc, job) =>
            {
                spc.CancellationToken.ThrowIfCancellationRequested();
                spc.AddSource(job.HintName, InterceptorEmitter.Emit(job));
            });
        }

        private static ParsedJob? ReadJob(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            if (context.TargetSymbol is not IMethodSymbol { ContainingType: { } jobType } method)
            {
                return null;
            }

            var known = KnownTypes.For(context.SemanticModel.Compilation);
            if (!known.IsComplete)
            {
                return null;
            }

            // Several [Mapper] methods in one class (overloads of one name too) are read once, for the first: one output per job.
            JobParseResult result = JobParser.Parse(jobType, known, cancellationToken);
            if (result.Model is not { } job || !SymbolEqualityComparer.Default.Equals(result.FirstMapper, method))
            {
                return null;
            }

            JobInterceptorsModel? interceptors = EmitCallReader.InterceptorsEnabled(context.TargetNode.SyntaxTree.Options)
                ? EmitCallReader.Read(jobType, job, result.KeyType!, result.ValueType!, context.SemanticModel, known, cancellationToken)
                : null;
            return new ParsedJob(job, interceptors);
        }

        /// <summary>Numbers file names that are equal ignoring case (<c>Ns.Job.2.MapReduce.g.cs</c>), in a stable order.</summary>
        private static ImmutableArray<T> UniqueHintNames<T>(
            ImmutableArray<T> items, Func<T, string> hintName, string suffix, Func<T, string, T> rename, CancellationToken cancellationToken)
        {
            var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var result = ImmutableArray.CreateBuilder<T>(items.Length);
            foreach (T item in items.OrderBy(hintName, StringComparer.Ordinal))
            {
                cancellationToken.ThrowIfCancellationRequested();
                string original = hintName(item);
                string name = original;
                for (int attempt = 2; !taken.Add(name); attempt++)
                {
                    name = original.Substring(0, original.Length - suffix.Length) + "." + attempt.ToString(CultureInfo.InvariantCulture) + suffix;
                }

                result.Add(name == original ? item : rename(item, name));
            }

            return result.MoveToImmutable();
        }
    }
}
