using System.Collections.Immutable;
using System.Linq;
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
            DiagnosticDescriptors.UnsupportedJobType,
            DiagnosticDescriptors.InvalidCombinerShape,
            DiagnosticDescriptors.CombinerWithFoldReducer,
            DiagnosticDescriptors.FinishingReducerWithoutCombiner,
            DiagnosticDescriptors.ParametersTypeMismatch,
            DiagnosticDescriptors.InvalidExtraParameter,
            DiagnosticDescriptors.MapperTypesDiffer,
            DiagnosticDescriptors.InvalidComparerShape,
            DiagnosticDescriptors.InvalidTaskSetup,
            DiagnosticDescriptors.InvalidPartitionerShape,
            DiagnosticDescriptors.DuplicateHelper,
            DiagnosticDescriptors.ValueComparerWithoutValues,
            DiagnosticDescriptors.UnorderedKey,
            DiagnosticDescriptors.TopWithoutOrder,
            DiagnosticDescriptors.HelperWithoutJob,
            DiagnosticDescriptors.CombinerWithDistinctReducer,
            DiagnosticDescriptors.UnwritableType,
            DiagnosticDescriptors.AsyncMethod,
            DiagnosticDescriptors.LanguageVersionTooOld);

        /// <inheritdoc/>
        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(static start =>
            {
                var known = KnownTypes.For(start.Compilation);
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
                if (known.MapReduceResult is not null)
                {
                    start.RegisterOperationAction(operationContext => AnalyzeTop(operationContext, known), OperationKind.Invocation, OperationKind.MethodReference);
                }
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
                int helper = known.HelperIndex(attribute);
                (string Attribute, string Role)? target = known.IsMapper(attribute)
                    ? ("Mapper", "mapper")
                    : known.IsReducer(attribute)
                        ? ("Reducer", "reducer")
                        : helper >= 0 ? (KnownTypes.HelperAttributes[helper].Attribute, KnownTypes.HelperAttributes[helper].Role) : null;
                if (target is not { } found)
                {
                    continue;
                }

                Location location = attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken).GetLocation()
                    ?? context.Operation.Syntax.GetLocation();
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.InvalidAttributeTarget, location, found.Attribute, what, found.Role));
            }
        }

        /// <summary>
        /// MRG0031: <c>result.Top(n)</c>, called or taken as a method group, on a <c>MapReduceResult</c> whose results cannot
        /// be ranked (<see cref="ValueSemantics.CanRank"/>: what the runtime's <c>Top</c> would throw for).
        /// </summary>
        private static void AnalyzeTop(OperationAnalysisContext context, KnownTypes known)
        {
            IMethodSymbol? method = context.Operation switch
            {
                IInvocationOperation invocation => invocation.TargetMethod,
                IMethodReferenceOperation reference => reference.Method,
                _ => null,
            };
            if (method is not { Name: "Top", Parameters.Length: 1, ContainingType: { } type } ||
                !SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, known.MapReduceResult))
            {
                return;
            }

            ITypeSymbol result = type.TypeArguments[1];
            if (result.TypeKind is TypeKind.TypeParameter or TypeKind.Error || ValueSemantics.CanRank(result, known))
            {
                return;
            }

            Microsoft.CodeAnalysis.CSharp.Syntax.ExpressionSyntax? target = context.Operation.Syntax switch
            {
                Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax invocation => invocation.Expression,
                Microsoft.CodeAnalysis.CSharp.Syntax.ExpressionSyntax expression => expression,
                _ => null,
            };
            Location location = target is Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax member
                ? member.Name.GetLocation()
                : context.Operation.Syntax.GetLocation();
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.TopWithoutOrder, location, result.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat)));
        }
    }
}
