using System.Collections.Generic;
using System.Linq;
using System.Threading;
using MapReduceGen.Generator.Diagnostics;
using MapReduceGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MapReduceGen.Generator.Parsing
{
    /// <summary>
    /// Reads one class: finds its <c>[Mapper]</c>, <c>[Reducer]</c> and helper methods, checks every rule, and builds
    /// the <see cref="JobModel"/> when the job is valid. The generator and the analyzer share it, so what the
    /// generator accepts is exactly what the analyzer does not report as an error. Each concern has its reader:
    /// <see cref="JobTypeChecks"/>, <see cref="MarkedMethods"/>, <see cref="MapperReader"/>, <see cref="ReducerReader"/>
    /// (the job's shape), <see cref="CompanionReader"/>, and <see cref="JobModelBuilder"/> puts their reads together.
    /// </summary>
    internal static class JobParser
    {
        /// <summary>The named argument of <c>[Mapper]</c> that accepts a key type without value equality (MRG0013).</summary>
        public const string AllowReferenceEqualityKeys = "AllowReferenceEqualityKeys";

        public static JobParseResult Parse(INamedTypeSymbol jobType, KnownTypes known, CancellationToken cancellationToken)
        {
            var diagnostics = new List<Diagnostic>();
            MarkedMethods methods = MarkedMethods.Find(jobType, known, cancellationToken);
            if (!methods.IsJob)
            {
                methods.ReportHelpersWithoutJob(jobType, known, diagnostics);
                return new JobParseResult(null, diagnostics);
            }

            if (jobType.TypeKind.ToString() == "Extension")
            {
                // A C# 14 extension block (TypeKind.Extension, newer than the Roslyn this generator is built against).
                methods.ReportExtensionMembers(known, diagnostics);
                return new JobParseResult(null, diagnostics);
            }

            string jobName = TypeFacts.Display(jobType);
            if (LanguageVersionProblem(jobType) is { } version)
            {
                // Generated code uses C# 11 (static abstract interface members, raw strings): say so once, not in its errors.
                diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.LanguageVersionTooOld, SourceLocations.Name(jobType), jobName, version));
                return new JobParseResult(null, diagnostics);
            }

            JobTypeChecks.Check(jobType, jobName, known, diagnostics);
            methods.RemoveInvalidTargets(known, diagnostics);
            if (!methods.IsJob || Any(diagnostics, DiagnosticDescriptors.AsyncMethod.Id))
            {
                return new JobParseResult(null, diagnostics);
            }

            ReportDuplicatesAndMissing(methods, jobName, known, diagnostics);
            if (methods.Mappers.Count == 0 || methods.Reducers.Count == 0)
            {
                return new JobParseResult(null, diagnostics);
            }

            JobModel? model = JobModelBuilder.Build(jobType, jobName, new JobParts(methods), known, diagnostics, cancellationToken, out MapperRead? first);
            return model is null || HasError(diagnostics)
                ? new JobParseResult(null, diagnostics)
                : new JobParseResult(model, diagnostics, first!.Method, first.Key, first.Value);
        }

        private static bool Any(List<Diagnostic> diagnostics, string id)
        {
            foreach (Diagnostic diagnostic in diagnostics)
            {
                if (diagnostic.Id == id)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool HasError(List<Diagnostic> diagnostics)
        {
            foreach (Diagnostic diagnostic in diagnostics)
            {
                if (diagnostic.Severity == DiagnosticSeverity.Error)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The C# version a job is compiled as when it is older than 11, or null.</summary>
        private static string? LanguageVersionProblem(INamedTypeSymbol jobType)
        {
            foreach (SyntaxReference reference in jobType.DeclaringSyntaxReferences)
            {
                if (reference.SyntaxTree.Options is CSharpParseOptions { LanguageVersion: < LanguageVersion.CSharp11 } options)
                {
                    return options.LanguageVersion.ToDisplayString();
                }
            }

            return null;
        }

        /// <summary>MRG0007 and MRG0027 for a second method of one kind; MRG0004 and MRG0005 for a missing mapper or reducer.</summary>
        private static void ReportDuplicatesAndMissing(MarkedMethods methods, string jobName, KnownTypes known, List<Diagnostic> diagnostics)
        {
            List<IMethodSymbol> mappers = methods.Mappers;
            List<IMethodSymbol> reducers = methods.Reducers;
            for (int i = 1; i < reducers.Count; i++)
            {
                diagnostics.Add(Diagnostic.Create(
                    DiagnosticDescriptors.DuplicateReducer, SourceLocations.Attribute(reducers[i], known.ReducerAttribute),
                    jobName, reducers[0].Name, reducers[i].Name));
            }

            for (int h = 0; h < methods.Helpers.Length; h++)
            {
                List<IMethodSymbol> helpers = methods.Helpers[h];
                for (int i = 1; i < helpers.Count; i++)
                {
                    diagnostics.Add(Diagnostic.Create(
                        DiagnosticDescriptors.DuplicateHelper, SourceLocations.Attribute(helpers[i], known.Helpers[h]),
                        jobName, KnownTypes.HelperAttributes[h].Attribute, helpers[0].Name, helpers[i].Name));
                }
            }

            if (reducers.Count == 0)
            {
                diagnostics.Add(Diagnostic.Create(
                    DiagnosticDescriptors.MapperWithoutReducer, SourceLocations.Name(mappers[0]), jobName, mappers[0].Name));
            }

            if (mappers.Count == 0)
            {
                diagnostics.Add(Diagnostic.Create(
                    DiagnosticDescriptors.ReducerWithoutMapper, SourceLocations.Name(reducers[0]), jobName, reducers[0].Name));
            }
        }
    }
}
