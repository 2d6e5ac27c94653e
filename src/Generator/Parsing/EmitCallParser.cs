using System;
using System.Linq;
using System.Threading;
using MapReduceGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MapReduceGen.Generator.Parsing
{
    /// <summary>
    /// Finds the <c>Emit</c> calls a job's own code makes (in the job class or types nested in it) on an emitter of the
    /// job's key and value types, so the generator can send them straight to the job's map sink.
    /// </summary>
    internal static class EmitCallParser
    {
        /// <summary>The feature (MSBuild <c>InterceptorsNamespaces</c>) that must list <see cref="InterceptorNamespace"/>.</summary>
        public const string InterceptorNamespace = "MapReduceGen.Generated";

        private static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat
            .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

        /// <summary>A cheap syntax test: a call of a member named <c>Emit</c> or <c>EmitUtf8</c>.</summary>
        public static bool IsCandidate(SyntaxNode node) =>
            node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Emit" or "EmitUtf8" } };

        /// <summary>Whether the project lets this generator's namespace intercept calls.</summary>
        public static bool InterceptorsEnabled(ParseOptions options)
        {
            foreach (string feature in new[] { "InterceptorsNamespaces", "InterceptorsPreviewNamespaces" })
            {
                if (options.Features.TryGetValue(feature, out string? namespaces) &&
                    namespaces.Split(';').Any(n => n.Trim() == InterceptorNamespace))
                {
                    return true;
                }
            }

            return false;
        }

        public static EmitCallModel? Parse(GeneratorSyntaxContext context, CancellationToken cancellationToken)
        {
            var invocation = (InvocationExpressionSyntax)context.Node;
            if (context.SemanticModel.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol method)
            {
                return null;
            }

            var known = new KnownTypes(context.SemanticModel.Compilation);
            if (!known.IsComplete || ClassifyCall(method, known) is not { } call)
            {
                return null;
            }

            INamedTypeSymbol? jobType = FindJob(context.SemanticModel, invocation, known, cancellationToken);
            if (jobType is null)
            {
                return null;
            }

            JobModel? job = JobParser.Parse(jobType, known, cancellationToken).Model;
            if (job is null || job.KeyType != call.Key || job.ValueType != call.Value ||
                job.KeyIsString != (call.Kind != EmitCallKind.Key))
            {
                // Another emitter (not of the job's key and value types), or a job that generates nothing.
                return null;
            }

            // Interceptable locations are the supported way to write InterceptsLocation attributes (the API is marked
            // experimental in Roslyn 4.11 although the feature ships in the .NET SDK).
#pragma warning disable RSEXPERIMENTAL002
            InterceptableLocation? location = context.SemanticModel.GetInterceptableLocation(invocation, cancellationToken);
#pragma warning restore RSEXPERIMENTAL002
            if (location is null)
            {
                return null;
            }

            return new EmitCallModel
            {
                JobHintName = job.HintName,
                JobName = job.Name,
                JobStruct = JobStructName(job),
                Folds = job.MapFolds,
                Kind = call.Kind,
                KeyType = job.KeyType,
                ValueType = job.ValueType,
                LocationVersion = location.Version,
                LocationData = location.Data,
                DisplayLocation = FileNameOnly(location.GetDisplayLocation()),
            };
        }

        private static (EmitCallKind Kind, string Key, string Value)? ClassifyCall(IMethodSymbol method, KnownTypes known)
        {
            if (method.Name == "Emit" && !method.IsStatic && method.ReducedFrom is null &&
                method.ContainingType is { } emitter &&
                SymbolEqualityComparer.Default.Equals(emitter.OriginalDefinition, known.Emitter))
            {
                ITypeSymbol key = emitter.TypeArguments[0];
                return (key.SpecialType == SpecialType.System_String ? EmitCallKind.StringKey : EmitCallKind.Key,
                    key.ToDisplayString(TypeFormat), emitter.TypeArguments[1].ToDisplayString(TypeFormat));
            }

            IMethodSymbol? extension = method.ReducedFrom ?? (method.IsExtensionMethod ? method : null);
            if (extension is null || extension.ContainingType.ToDisplayString() != "MapReduceGen.EmitterExtensions" ||
                method.ReducedFrom is null || method.ReceiverType is not INamedTypeSymbol receiver)
            {
                return null;
            }

            EmitCallKind kind = extension.Name == "EmitUtf8" ? EmitCallKind.Utf8 : EmitCallKind.Chars;
            return (kind, receiver.TypeArguments[0].ToDisplayString(TypeFormat), receiver.TypeArguments[1].ToDisplayString(TypeFormat));
        }

        // The job class the call is in: the innermost type around it, or around that, that has a [Mapper].
        private static INamedTypeSymbol? FindJob(SemanticModel model, SyntaxNode node, KnownTypes known, CancellationToken cancellationToken)
        {
            for (INamedTypeSymbol? type = model.GetEnclosingSymbol(node.SpanStart, cancellationToken)?.ContainingType
                     ?? model.GetEnclosingSymbol(node.SpanStart, cancellationToken) as INamedTypeSymbol;
                 type is not null;
                 type = type.ContainingType)
            {
                if (type.GetMembers().OfType<IMethodSymbol>().Any(m => m.GetAttributes().Any(known.IsMapper)))
                {
                    return type;
                }
            }

            return null;
        }

        // "path/File.cs(12,5)" -> "File.cs(12,5)": generated text must not depend on where the project is.
        private static string FileNameOnly(string displayLocation)
        {
            int separator = Math.Max(displayLocation.LastIndexOf('/'), displayLocation.LastIndexOf('\\'));
            return separator < 0 ? displayLocation : displayLocation.Substring(separator + 1);
        }

        private static string JobStructName(JobModel job)
        {
            var builder = new System.Text.StringBuilder("global::");
            if (job.Namespace is not null)
            {
                builder.Append(job.Namespace).Append('.');
            }

            for (int i = 0; i < job.Types.Count; i++)
            {
                builder.Append(job.Types[i].Name).Append('.');
            }

            return builder.Append("MapReduceJob").ToString();
        }
    }
}
