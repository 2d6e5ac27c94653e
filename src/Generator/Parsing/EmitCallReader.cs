using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using MapReduceGen.Generator.Helpers;
using MapReduceGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MapReduceGen.Generator.Parsing
{
    /// <summary>
    /// Finds the <c>Emit</c> calls a valid job's own code makes (in the job class or types nested in it that are not jobs
    /// themselves) on an emitter of the job's key and value types, so the generator can send them straight to the job's
    /// map sink. It reads the job the parser already read: no call is traced back to its job and no job is parsed again.
    /// </summary>
    internal static class EmitCallReader
    {
        /// <summary>The feature (MSBuild <c>InterceptorsNamespaces</c>) that must list this namespace.</summary>
        public const string InterceptorNamespace = "MapReduceGen.Generated";

        private const string InterceptorsSuffix = ".Interceptors.g.cs";

        /// <summary>Whether the project lets this generator's namespace intercept calls.</summary>
        public static bool InterceptorsEnabled(ParseOptions options) =>
            Lists(options, "InterceptorsNamespaces") || Lists(options, "InterceptorsPreviewNamespaces");

        /// <summary>Whether a feature's list (names separated by ';') holds the generator's namespace (read for every job: no split).</summary>
        private static bool Lists(ParseOptions options, string feature)
        {
            if (!options.Features.TryGetValue(feature, out string? namespaces))
            {
                return false;
            }

            for (int start = 0; start <= namespaces.Length;)
            {
                int end = namespaces.IndexOf(';', start);
                if (end < 0)
                {
                    end = namespaces.Length;
                }

                int first = start;
                int last = end - 1;
                while (first <= last && char.IsWhiteSpace(namespaces[first]))
                {
                    first++;
                }

                while (last >= first && char.IsWhiteSpace(namespaces[last]))
                {
                    last--;
                }

                if (last - first + 1 == InterceptorNamespace.Length &&
                    string.CompareOrdinal(namespaces, first, InterceptorNamespace, 0, InterceptorNamespace.Length) == 0)
                {
                    return true;
                }

                start = end + 1;
            }

            return false;
        }

        /// <summary>The job's intercepted calls, in source order, or null when it makes none.</summary>
        /// <param name="jobType">The job class.</param>
        /// <param name="job">What the parser read of it.</param>
        /// <param name="keyType">The key type its mappers emit.</param>
        /// <param name="valueType">The value type its mappers emit.</param>
        /// <param name="semanticModel">The semantic model of the file the generator found the job in.</param>
        /// <param name="known">The framework's types.</param>
        /// <param name="cancellationToken">Stops the read.</param>
        public static JobInterceptorsModel? Read(
            INamedTypeSymbol jobType, JobModel job, ITypeSymbol keyType, ITypeSymbol valueType, SemanticModel semanticModel, KnownTypes known,
            CancellationToken cancellationToken)
        {
            var calls = new List<EmitCallModel>();
            foreach (SyntaxReference reference in jobType.DeclaringSyntaxReferences)
            {
                SyntaxNode declaration = reference.GetSyntax(cancellationToken);
                SemanticModel model = declaration.SyntaxTree == semanticModel.SyntaxTree
                    ? semanticModel
                    : semanticModel.Compilation.GetSemanticModel(declaration.SyntaxTree);
                IEnumerable<InvocationExpressionSyntax> candidates = declaration
                    .DescendantNodes(node => node == declaration || !IsOtherJob(node, model, known, cancellationToken))
                    .OfType<InvocationExpressionSyntax>()
                    .Where(IsCandidate);
                foreach (InvocationExpressionSyntax invocation in candidates)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (ReadCall(invocation, keyType, valueType, model, known, cancellationToken) is { } call)
                    {
                        calls.Add(call);
                    }
                }
            }

            if (calls.Count == 0)
            {
                return null;
            }

            string jobStruct = Emitting.GeneratedCode.JobStruct(job);
            string stem = job.HintName.Substring(0, job.HintName.Length - ".MapReduce.g.cs".Length);
            return new JobInterceptorsModel(
                stem + InterceptorsSuffix, job.Name, jobStruct, job.Key.Type, job.ValueType, job.Shape, new EquatableArray<EmitCallModel>(calls));
        }

        /// <summary>A cheap syntax test: a call of a member named <c>Emit</c> or <c>EmitUtf8</c>.</summary>
        private static bool IsCandidate(InvocationExpressionSyntax node) =>
            node is { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Emit" or "EmitUtf8" } };

        /// <summary>Whether a nested type declaration is a job of its own (its calls are its own).</summary>
        private static bool IsOtherJob(SyntaxNode node, SemanticModel model, KnownTypes known, CancellationToken cancellationToken) =>
            node is TypeDeclarationSyntax type &&
            model.GetDeclaredSymbol(type, cancellationToken) is INamedTypeSymbol symbol &&
            symbol.GetMembers().OfType<IMethodSymbol>().Any(m => m.GetAttributes().Any(known.IsMapper));

        private static EmitCallModel? ReadCall(
            InvocationExpressionSyntax invocation, ITypeSymbol keyType, ITypeSymbol valueType, SemanticModel model, KnownTypes known,
            CancellationToken cancellationToken)
        {
            if (model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol method ||
                Classify(method, known) is not { } call ||
                !SymbolEqualityComparer.IncludeNullability.Equals(call.Key, keyType) ||
                !SymbolEqualityComparer.IncludeNullability.Equals(call.Value, valueType))
            {
                // Not an Emit of MapReduceGen, or on an emitter of other types than the job's.
                return null;
            }

            // Interceptable locations are the supported way to write InterceptsLocation attributes (the API is marked
            // experimental in Roslyn 4.11 although the feature ships in the .NET SDK).
#pragma warning disable RSEXPERIMENTAL002
            InterceptableLocation? location = model.GetInterceptableLocation(invocation, cancellationToken);
#pragma warning restore RSEXPERIMENTAL002
            return location is null
                ? null
                : new EmitCallModel(call.Kind, location.Version, location.Data, FileNameOnly(location.GetDisplayLocation()));
        }

        /// <summary>Which overload of <c>Emit</c> a call binds to, on an emitter of which key and value types; null for another method.</summary>
        private static (EmitCallKind Kind, ITypeSymbol Key, ITypeSymbol Value)? Classify(IMethodSymbol method, KnownTypes known)
        {
            if (method.Name == "Emit" && !method.IsStatic && method.ReducedFrom is null &&
                method.ContainingType is { } emitter && TypeFacts.IsConstructedFrom(emitter, known.Emitter))
            {
                ITypeSymbol key = emitter.TypeArguments[0];
                return (key.SpecialType == SpecialType.System_String ? EmitCallKind.StringKey : EmitCallKind.Key, key, emitter.TypeArguments[1]);
            }

            if (method.ReducedFrom is not { } extension || !SymbolEqualityComparer.Default.Equals(extension.ContainingType, known.EmitterExtensions) ||
                method.ReceiverType is not INamedTypeSymbol receiver)
            {
                return null;
            }

            return (extension.Name == "EmitUtf8" ? EmitCallKind.Utf8 : EmitCallKind.Chars, receiver.TypeArguments[0], receiver.TypeArguments[1]);
        }

        // "path/File.cs(12,5)" -> "File.cs(12,5)": generated text must not depend on where the project is.
        private static string FileNameOnly(string displayLocation)
        {
            int separator = Math.Max(displayLocation.LastIndexOf('/'), displayLocation.LastIndexOf('\\'));
            return separator < 0 ? displayLocation : displayLocation.Substring(separator + 1);
        }
    }
}
