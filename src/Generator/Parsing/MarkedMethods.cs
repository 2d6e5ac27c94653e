using System.Collections.Generic;
using System.Threading;
using MapReduceGen.Generator.Diagnostics;
using Microsoft.CodeAnalysis;

namespace MapReduceGen.Generator.Parsing
{
    /// <summary>
    /// The methods of one class marked <c>[Mapper]</c>, <c>[Reducer]</c> or a helper attribute (<c>[Combiner]</c>, the
    /// comparers, <c>[Partitioner]</c>), in declaration order, and the rules every such method follows.
    /// </summary>
    internal sealed class MarkedMethods
    {
        private MarkedMethods()
        {
            for (int i = 0; i < Helpers.Length; i++)
            {
                Helpers[i] = new List<IMethodSymbol>();
            }
        }

        public List<IMethodSymbol> Mappers { get; } = new List<IMethodSymbol>();

        public List<IMethodSymbol> Reducers { get; } = new List<IMethodSymbol>();

        /// <summary>The helpers of each kind, in the order of <see cref="KnownTypes.HelperAttributes"/>.</summary>
        public List<IMethodSymbol>[] Helpers { get; } = new List<IMethodSymbol>[KnownTypes.HelperAttributes.Length];

        /// <summary>Whether the class is a job (it has a mapper or a reducer).</summary>
        public bool IsJob => Mappers.Count > 0 || Reducers.Count > 0;

        public static MarkedMethods Find(INamedTypeSymbol type, KnownTypes known, CancellationToken cancellationToken)
        {
            var found = new MarkedMethods();
            foreach (ISymbol member in type.GetMembers())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (member is not IMethodSymbol method)
                {
                    continue;
                }

                foreach (AttributeData attribute in method.GetAttributes())
                {
                    List<IMethodSymbol>? list = known.IsMapper(attribute)
                        ? found.Mappers
                        : known.IsReducer(attribute)
                            ? found.Reducers
                            : known.HelperIndex(attribute) is int helper and >= 0 ? found.Helpers[helper] : null;
                    if (list is not null && !list.Contains(method))
                    {
                        list.Add(method);
                    }
                }
            }

            return found;
        }

        /// <summary>MRG0032 for each helper of a class that is no job.</summary>
        public void ReportHelpersWithoutJob(INamedTypeSymbol type, KnownTypes known, List<Diagnostic> diagnostics)
        {
            for (int i = 0; i < Helpers.Length; i++)
            {
                (_, string attribute, string role) = KnownTypes.HelperAttributes[i];
                foreach (IMethodSymbol method in Helpers[i])
                {
                    if (method.MethodKind == MethodKind.Ordinary)
                    {
                        diagnostics.Add(Diagnostic.Create(
                            DiagnosticDescriptors.HelperWithoutJob, SourceLocations.Attribute(method, known.Helpers[i]),
                            attribute, method.Name, TypeFacts.Display(type)));
                    }
                    else
                    {
                        CheckTarget(method, role, attribute, known.Helpers[i], diagnostics);
                    }
                }
            }
        }

        /// <summary>
        /// Reports what is wrong with each marked method as such (MRG0001, MRG0002, MRG0016, MRG0017, MRG0035) and leaves out
        /// the ones that are no method at all (accessors, operators and the like), so they cause no further noise. This is
        /// the one place that decides whether a marked method can be called by generated code at all: an ordinary, static,
        /// non-generic, synchronous method with a body.
        /// </summary>
        public void RemoveInvalidTargets(KnownTypes known, List<Diagnostic> diagnostics)
        {
            RemoveInvalid(Mappers, "mapper", "Mapper", known.MapperAttribute, diagnostics);
            RemoveInvalid(Reducers, "reducer", "Reducer", known.ReducerAttribute, diagnostics);
            for (int i = 0; i < Helpers.Length; i++)
            {
                (_, string attribute, string role) = KnownTypes.HelperAttributes[i];
                RemoveInvalid(Helpers[i], role, attribute, known.Helpers[i], diagnostics);
            }
        }

        private static void RemoveInvalid(
            List<IMethodSymbol> methods, string role, string attributeName, INamedTypeSymbol? attributeType, List<Diagnostic> diagnostics)
        {
            for (int i = methods.Count - 1; i >= 0; i--)
            {
                if (!CheckTarget(methods[i], role, attributeName, attributeType, diagnostics))
                {
                    methods.RemoveAt(i);
                }
            }
        }

        /// <summary>Checks a marked method; returns false when it is no method at all (MRG0016) and must be ignored.</summary>
        private static bool CheckTarget(
            IMethodSymbol method, string role, string attributeName, INamedTypeSymbol? attributeType, List<Diagnostic> diagnostics)
        {
            if (method.MethodKind != MethodKind.Ordinary)
            {
                diagnostics.Add(Diagnostic.Create(
                    DiagnosticDescriptors.InvalidAttributeTarget, SourceLocations.Attribute(method, attributeType),
                    attributeName, DescribeKind(method), role));
                return false;
            }

            if (method.IsAbstract || method.IsExtern)
            {
                diagnostics.Add(Diagnostic.Create(
                    DiagnosticDescriptors.AbstractOrExternMethod, SourceLocations.Name(method), role, method.Name,
                    method.IsAbstract ? "abstract" : "extern"));
            }
            else if (method.IsPartialDefinition && method.PartialImplementationPart is null)
            {
                // The compiler removes every call of a partial method without an implementation: the job would be empty.
                diagnostics.Add(Diagnostic.Create(
                    DiagnosticDescriptors.AbstractOrExternMethod, SourceLocations.Name(method), role, method.Name,
                    "a partial method without an implementation, whose calls the compiler removes"));
            }

            if (method.IsAsync)
            {
                diagnostics.Add(Diagnostic.Create(
                    DiagnosticDescriptors.AsyncMethod, SourceLocations.Name(method), role, method.Name,
                    "is async: a job's methods run inside their task, which ends at the first await, so what comes after it would run " +
                    $"after the task (its pairs or records lost, or written into a table another task uses); make '{method.Name}' synchronous"));
            }
            else if (role == "reducer" && IsTask(method.ReturnType))
            {
                diagnostics.Add(Diagnostic.Create(
                    DiagnosticDescriptors.AsyncMethod, SourceLocations.ReturnType(method), role, method.Name,
                    $"returns '{TypeFacts.Display(method.ReturnType)}': a job's methods run inside their task, so each key's result would be a task nothing awaits; return the result itself"));
            }

            if (!method.IsStatic)
            {
                diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.MethodNotStatic, SourceLocations.Name(method), role, method.Name));
            }

            if (method.IsGenericMethod)
            {
                diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.MethodIsGeneric, SourceLocations.Name(method), role, method.Name));
            }

            return true;
        }

        /// <summary>Whether a type is a task (<c>Task</c>, <c>ValueTask</c>, with or without a result).</summary>
        private static bool IsTask(ITypeSymbol type) =>
            type is INamedTypeSymbol { Name: "Task" or "ValueTask", ContainingNamespace: { Name: "Tasks", ContainingNamespace: { Name: "Threading", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } } };

        /// <summary>MRG0016 for each marked method of an extension block (C# 14), which is no job class and no member of one.</summary>
        public void ReportExtensionMembers(KnownTypes known, List<Diagnostic> diagnostics)
        {
            foreach ((List<IMethodSymbol> methods, string attribute, string role, INamedTypeSymbol? attributeType) in Kinds(known))
            {
                foreach (IMethodSymbol method in methods)
                {
                    diagnostics.Add(Diagnostic.Create(
                        DiagnosticDescriptors.InvalidAttributeTarget, SourceLocations.Attribute(method, attributeType),
                        attribute, $"'{method.Name}', a member of an extension block", role));
                }
            }
        }

        /// <summary>Every kind of marked method with its attribute's name, its role and its type.</summary>
        private IEnumerable<(List<IMethodSymbol> Methods, string Attribute, string Role, INamedTypeSymbol? AttributeType)> Kinds(KnownTypes known)
        {
            yield return (Mappers, "Mapper", "mapper", known.MapperAttribute);
            yield return (Reducers, "Reducer", "reducer", known.ReducerAttribute);
            for (int i = 0; i < Helpers.Length; i++)
            {
                yield return (Helpers[i], KnownTypes.HelperAttributes[i].Attribute, KnownTypes.HelperAttributes[i].Role, known.Helpers[i]);
            }
        }

        private static string DescribeKind(IMethodSymbol method) => method.MethodKind switch
        {
            MethodKind.PropertyGet or MethodKind.PropertySet => $"the accessor of property '{method.AssociatedSymbol?.Name}'",
            MethodKind.EventAdd or MethodKind.EventRemove => $"the accessor of event '{method.AssociatedSymbol?.Name}'",
            MethodKind.Constructor or MethodKind.StaticConstructor => "a constructor",
            MethodKind.UserDefinedOperator or MethodKind.Conversion => $"the operator '{method.Name}'",
            MethodKind.LocalFunction => $"the local function '{method.Name}'",
            MethodKind.AnonymousFunction => "a lambda",
            MethodKind.ExplicitInterfaceImplementation => $"the explicit interface implementation '{method.Name}'",
            _ => $"'{method.Name}'",
        };
    }
}
