using System;
using Microsoft.CodeAnalysis;

namespace MapReduceGen.Generator.Parsing
{
    /// <summary>
    /// Checks a job helper method against the one signature it must have (a <c>[Combiner]</c>, a comparer, a
    /// <c>[Partitioner]</c>): its return type, its parameter count, by-value parameters, each parameter's type. Says what
    /// is wrong first and where, or nothing.
    /// </summary>
    internal static class SignatureChecker
    {
        /// <summary>Checks <paramref name="method"/>; null when it has the signature.</summary>
        /// <param name="method">The helper method.</param>
        /// <param name="returns">The type it must return.</param>
        /// <param name="takes">What each parameter must be, and what to say when one has another type.</param>
        /// <param name="whatItTakes">How the count problem ends, "a combiner takes two values".</param>
        public static (string Problem, Location Location)? Check(
            IMethodSymbol method, ITypeSymbol returns, (ITypeSymbol Type, Func<ITypeSymbol, string> Mismatch)[] takes, string whatItTakes)
        {
            var parameters = method.Parameters;
            if (method.ReturnsVoid)
            {
                return ("returns void", SourceLocations.Name(method));
            }

            if (method.ReturnsByRef || method.ReturnsByRefReadonly || !TypeFacts.Same(method.ReturnType, returns))
            {
                return ($"returns '{TypeFacts.Display(method.ReturnType)}'", SourceLocations.ReturnType(method));
            }

            if (parameters.Length != takes.Length)
            {
                return ($"has {parameters.Length} parameter{(parameters.Length == 1 ? "" : "s")}; {whatItTakes}", SourceLocations.Name(method));
            }

            foreach (IParameterSymbol parameter in parameters)
            {
                if (parameter.RefKind != RefKind.None)
                {
                    return ($"takes '{parameter.Name}' by '{TypeFacts.RefKindText(parameter.RefKind)}'", SourceLocations.Parameter(parameter));
                }
            }

            for (int i = 0; i < parameters.Length; i++)
            {
                if (!TypeFacts.Same(parameters[i].Type, takes[i].Type))
                {
                    return (takes[i].Mismatch(parameters[i].Type), SourceLocations.Parameter(parameters[i]));
                }
            }

            return null;
        }
    }
}
