using System.Collections.Generic;
using System.Linq;
using MapReduceGen.Generator.Diagnostics;
using Microsoft.CodeAnalysis;

namespace MapReduceGen.Generator.Parsing
{
    /// <summary>
    /// Reads what a mapper or reducer takes after its required parameters: the job's parameters, a <c>Counters</c>, and the
    /// task's state (a parameter of the type the job's <c>[TaskSetup]</c> method returns).
    /// </summary>
    internal static class ExtraParameterReader
    {
        /// <summary>
        /// Reads the parameters from <paramref name="start"/> on: at most one of the job's parameters (any type) and at most
        /// one <c>Counters</c>, by value, in either order. Reports MRG0023 on the first that breaks the rule.
        /// </summary>
        public static List<ExtraParameter>? Read(
            IMethodSymbol method, int start, string role, KnownTypes known, List<Diagnostic> diagnostics, ITypeSymbol? taskState = null)
        {
            var extras = new List<ExtraParameter>();
            for (int i = start; i < method.Parameters.Length; i++)
            {
                IParameterSymbol parameter = method.Parameters[i];
                bool isState = taskState is not null && TypeFacts.Same(parameter.Type, taskState);
                if ((isState ? StateProblem(parameter, extras) : Problem(parameter, extras, known)) is { } problem)
                {
                    diagnostics.Add(Diagnostic.Create(
                        DiagnosticDescriptors.InvalidExtraParameter, SourceLocations.Parameter(parameter), role, method.Name, problem));
                    return null;
                }

                char kind = isState ? ExtraParameter.TaskState : known.IsCounters(parameter.Type) ? ExtraParameter.Counters : ExtraParameter.Parameters;
                extras.Add(new ExtraParameter(kind, parameter));
            }

            return extras;
        }

        /// <summary>The pattern of extra arguments generated calls pass, one letter each in order ("", "P", "CP", "SPC", ...).</summary>
        public static string Pattern(List<ExtraParameter> extras)
        {
            var pattern = new char[extras.Count];
            for (int i = 0; i < pattern.Length; i++)
            {
                pattern[i] = extras[i].Kind;
            }

            return new string(pattern);
        }

        private static string? StateProblem(IParameterSymbol parameter, List<ExtraParameter> earlier)
        {
            if (parameter.RefKind != RefKind.None)
            {
                return $"takes '{parameter.Name}' by '{TypeFacts.RefKindText(parameter.RefKind)}'";
            }

            return earlier.Any(e => e.Kind == ExtraParameter.TaskState) ? $"takes the task state a second time, as '{parameter.Name}'" : null;
        }

        private static string? Problem(IParameterSymbol parameter, List<ExtraParameter> earlier, KnownTypes known)
        {
            if (parameter.RefKind != RefKind.None)
            {
                return $"takes '{parameter.Name}' by '{TypeFacts.RefKindText(parameter.RefKind)}'";
            }

            if (known.IsCounters(parameter.Type))
            {
                return earlier.Any(e => e.Kind == ExtraParameter.Counters) ? $"takes a second Counters, '{parameter.Name}'" : null;
            }

            if (earlier.FirstOrDefault(e => e.Kind == ExtraParameter.Parameters) is { Parameter: { } parameters })
            {
                return $"takes '{parameter.Name}' after the parameters '{parameters.Name}'; the job's parameters are one object";
            }

            if (TypeFacts.IsConstructedFrom(parameter.Type, known.Emitter) || TypeFacts.IsConstructedFrom(parameter.Type, known.RecordOutput))
            {
                return $"takes '{parameter.Name}' of type '{TypeFacts.Display(parameter.Type)}' where only the job's parameters or a Counters may follow";
            }

            return parameter.Type.IsRefLikeType
                ? $"takes '{parameter.Name}' of the ref struct type '{TypeFacts.Display(parameter.Type)}', which cannot be a run's parameters"
                : null;
        }
    }
}
