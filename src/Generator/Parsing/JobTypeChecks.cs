using System.Collections.Generic;
using System.Linq;
using MapReduceGen.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MapReduceGen.Generator.Parsing
{
    /// <summary>
    /// The rules of the job class itself: a non-generic, non-file-local partial class or struct, in partial types (MRG0003,
    /// MRG0018), none of whose members takes a name the generator adds (MRG0015).
    /// </summary>
    internal static class JobTypeChecks
    {
        /// <summary>Every member name the generator may add to a job class.</summary>
        public static readonly string[] GeneratedMemberNames = 
        {
            "Run", "RunAsync", "StreamAsync", "RunToFilesAsync", "MapReduceJob", "RunUtf8",
            "AddToSilo", "RunOnClusterAsync", "StreamOnClusterAsync", "RunOnClusterToFilesAsync",
        };

        public static void Check(INamedTypeSymbol jobType, string jobName, KnownTypes known, List<Diagnostic> diagnostics)
        {
            var generatedNames = new List<string>(GeneratedMemberNames.Length);
            foreach (string name in GeneratedMemberNames)
            {
                if (IsGeneratedFor(jobType, name, known))
                {
                    generatedNames.Add(name);
                }
            }

            if (jobType.TypeKind is not (TypeKind.Class or TypeKind.Struct))
            {
                diagnostics.Add(Diagnostic.Create(
                    DiagnosticDescriptors.UnsupportedJobType, SourceLocations.Name(jobType), jobName,
                    "an " + jobType.TypeKind.ToString().ToLowerInvariant()));
            }

            for (INamedTypeSymbol? type = jobType; type is not null; type = type.ContainingType)
            {
                CheckContainingType(type, jobType, jobName, diagnostics);
                if (ReferenceEquals(type, jobType) && generatedNames.Contains(type.Name))
                {
                    diagnostics.Add(Diagnostic.Create(
                        DiagnosticDescriptors.GeneratedNameCollision, SourceLocations.Name(type), type.Name, jobName));
                }
            }

            foreach (ISymbol member in jobType.GetMembers())
            {
                if (member.IsImplicitlyDeclared || !generatedNames.Contains(member.Name) || IsGenerated(member))
                {
                    continue;
                }

                if (member.Name == "MapReduceJob" || member is not IMethodSymbol method || IsGeneratedLookalike(method, known))
                {
                    diagnostics.Add(Diagnostic.Create(
                        DiagnosticDescriptors.GeneratedNameCollision, SourceLocations.Name(member), member.Name, jobName));
                }
            }
        }

        /// <summary>MRG0018 and MRG0003 for the job class or a type it is nested in.</summary>
        private static void CheckContainingType(INamedTypeSymbol type, INamedTypeSymbol jobType, string jobName, List<Diagnostic> diagnostics)
        {
            bool isJob = ReferenceEquals(type, jobType);
            if (type.IsFileLocal)
            {
                // A file-local type cannot be continued in the generator's own file.
                diagnostics.Add(Diagnostic.Create(
                    DiagnosticDescriptors.UnsupportedJobType, SourceLocations.Name(type), jobName,
                    isJob ? "file-local" : $"nested in the file-local type '{TypeFacts.Display(type)}'"));
            }

            if (type.IsGenericType)
            {
                diagnostics.Add(Diagnostic.Create(
                    DiagnosticDescriptors.UnsupportedJobType, SourceLocations.Name(type), jobName,
                    isJob ? "generic" : $"nested in the generic type '{TypeFacts.Display(type)}'"));
            }

            bool isPartial = false;
            foreach (SyntaxReference reference in type.DeclaringSyntaxReferences)
            {
                isPartial |= reference.GetSyntax() is TypeDeclarationSyntax declaration && declaration.Modifiers.Any(SyntaxKind.PartialKeyword);
            }

            if (!isPartial)
            {
                diagnostics.Add(Diagnostic.Create(
                    DiagnosticDescriptors.TypeNotPartial, SourceLocations.Name(type), TypeFacts.Display(type), jobName));
            }
        }

        /// <summary>Whether a member comes from MapReduceGen's own output (the analyzer sees generated files).</summary>
        private static bool IsGenerated(ISymbol member) =>
            member.DeclaringSyntaxReferences.Length > 0 &&
            member.DeclaringSyntaxReferences.All(r => r.SyntaxTree.FilePath.EndsWith(".MapReduce.g.cs", System.StringComparison.Ordinal));

        /// <summary>
        /// Whether the generator adds a member named <paramref name="name"/> to this job: <c>RunUtf8</c> only to a class
        /// that implements <c>IUtf8TextMapper</c>, <c>AddToSilo</c> and <c>RunOnClusterAsync</c> only in a project that
        /// references MapReduceGen.Orleans; the others always.
        /// </summary>
        private static bool IsGeneratedFor(INamedTypeSymbol jobType, string name, KnownTypes known) => name switch
        {
            "RunUtf8" => ImplementsUtf8Mapper(jobType, known),
            "AddToSilo" or "RunOnClusterAsync" or "StreamOnClusterAsync" or "RunOnClusterToFilesAsync" => known.HasClusterBackend,
            _ => true,
        };

        private static bool ImplementsUtf8Mapper(INamedTypeSymbol jobType, KnownTypes known)
        {
            foreach (INamedTypeSymbol candidate in jobType.AllInterfaces)
            {
                if (TypeFacts.IsConstructedFrom(candidate, known.Utf8TextMapper))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Whether a user method named like a generated one would clash with it: its first parameter has the type the
        /// generated overloads take first (a sequence, a text source, a stream, a silo builder, a cluster executor).
        /// Other overloads (say <c>Run(int)</c>) are the user's to declare.
        /// </summary>
        private static bool IsGeneratedLookalike(IMethodSymbol method, KnownTypes known)
        {
            if (method.Parameters.Length == 0)
            {
                return false;
            }

            ITypeSymbol first = method.Parameters[0].Type;
            bool Is(INamedTypeSymbol? type) =>
                type is not null && SymbolEqualityComparer.Default.Equals(first.OriginalDefinition, type.OriginalDefinition);
            return method.Name switch
            {
                "Run" or "RunAsync" or "StreamAsync" or "RunToFilesAsync" => first.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T ||
                    Is(known.IAsyncEnumerable) || Is(known.TextSource),
                "RunUtf8" => Is(known.TextSource) || Is(known.Stream),
                "AddToSilo" => Is(known.SiloBuilder),
                "RunOnClusterAsync" or "StreamOnClusterAsync" or "RunOnClusterToFilesAsync" => Is(known.ClusterExecutor),
                _ => false,
            };
        }
    }
}
