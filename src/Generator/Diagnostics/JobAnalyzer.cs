using System.Collections.Immutable;
using MapReduceGen.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace MapReduceGen.Generator.Diagnostics
{
    /// <summary>
    /// Reports every MapReduceGen diagnostic. The generator keeps only equatable models (diagnostics carry locations
    /// and would defeat its caching), so the checks run here, through the same <see cref="JobParser"/> the generator
    /// uses: an error here means the generator emitted nothing for that job.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class JobAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc/>
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            DiagnosticDescriptors.MethodNotStatic,
            DiagnosticDescriptors.MethodIsGeneric,
            DiagnosticDescriptors.TypeNotPartial,
            DiagnosticDescriptors.MapperWithoutReducer,
            DiagnosticDescriptors.ReducerWithoutMapper,
            DiagnosticDescriptors.DuplicateMapper,
            DiagnosticDescriptors.DuplicateReducer,
            DiagnosticDescriptors.InvalidMapperShape,
            DiagnosticDescriptors.InvalidReducerShape,
            DiagnosticDescriptors.KeyTypeMismatch,
            DiagnosticDescriptors.ValueTypeMismatch,
            DiagnosticDescriptors.FoldResultMismatch,
            DiagnosticDescriptors.KeyWithoutValueEquality,
            DiagnosticDescriptors.InaccessibleType,
            DiagnosticDescriptors.GeneratedNameCollision,
            DiagnosticDescriptors.InvalidAttributeTarget,
            DiagnosticDescriptors.AbstractOrExternMethod,
            DiagnosticDescriptors.UnsupportedJobType);

        /// <inheritdoc/>
        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(static start =>
            {
                var known = new KnownTypes(start.Compilation);
                if (!known.IsComplete)
                {
                    // Without the runtime nothing can be a job (and [Mapper] does not bind).
                    return;
                }

                start.RegisterSymbolAction(symbolContext => AnalyzeType(symbolContext, known), SymbolKind.NamedType);
                start.RegisterOperationAction(
                    operationContext => AnalyzeLocalFunctionOrLambda(operationContext, known),
                    OperationKind.LocalFunction,
                    OperationKind.AnonymousFunction);
            });
        }

        private static void AnalyzeType(SymbolAnalysisContext context, KnownTypes known)
        {
            if (context.Symbol is not INamedTypeSymbol type)
            {
                return;
            }

            JobParseResult result = JobParser.Parse(type, known, context.CancellationToken);
            foreach (Diagnostic diagnostic in result.Diagnostics)
            {
                if (diagnostic.Location.SourceTree is { } tree && !context.Compilation.ContainsSyntaxTree(tree))
                {
                    continue;
                }

                context.ReportDiagnostic(diagnostic);
            }
        }

        private static void AnalyzeLocalFunctionOrLambda(OperationAnalysisContext context, KnownTypes known)
        {
            IMethodSymbol? function = context.Operation switch
            {
                ILocalFunctionOperation local => local.Symbol,
                IAnonymousFunctionOperation lambda => lambda.Symbol,
                _ => null,
            };
            if (function is null)
            {
                return;
            }

            string what = function.MethodKind == MethodKind.LocalFunction
                ? $"the local function '{function.Name}'"
                : "a lambda";
            foreach (AttributeData attribute in function.GetAttributes())
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                bool mapper = known.IsMapper(attribute);
                if (!mapper && !known.IsReducer(attribute))
                {
                    continue;
                }

                Location location = attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken).GetLocation()
                    ?? context.Operation.Syntax.GetLocation();
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.InvalidAttributeTarget, location,
                    mapper ? "Mapper" : "Reducer", what, mapper ? "mapper" : "reducer"));
            }
        }
    }
}
