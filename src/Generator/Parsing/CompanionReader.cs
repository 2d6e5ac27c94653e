using System;
using System.Collections.Generic;
using System.Linq;
using MapReduceGen.Generator.Diagnostics;
using MapReduceGen.Generator.Model;
using Microsoft.CodeAnalysis;

namespace MapReduceGen.Generator.Parsing
{
    /// <summary>
    /// Reads a job's helper methods (its companions): the <c>[Combiner]</c> (MRG0019), the comparers (MRG0025, MRG0028,
    /// MRG0030) and the <c>[Partitioner]</c> (MRG0026), each through <see cref="SignatureChecker"/>.
    /// </summary>
    internal static class CompanionReader
    {
        /// <summary>Whether the combiner is <c>static TValue C(TValue left, TValue right)</c>.</summary>
        /// <summary>
        /// Reads the job's <c>[TaskSetup]</c> method, <c>static TState S()</c> optionally taking the job's parameters and a
        /// <c>Counters</c> (MRG0037 for what it returns, MRG0023 for what it takes). True when the job has none
        /// (<paramref name="state"/> null) or it is right.
        /// </summary>
        public static bool ReadTaskSetup(
            IMethodSymbol? setup, KnownTypes known, List<Diagnostic> diagnostics, out ITypeSymbol? state, out List<ExtraParameter>? extras)
        {
            state = null;
            extras = null;
            if (setup is null)
            {
                return true;
            }

            string? problem = setup.ReturnsVoid ? "returns void"
                : setup.ReturnsByRef || setup.ReturnsByRefReadonly ? "returns by reference"
                : setup.ReturnType.IsRefLikeType ? $"returns the ref struct '{TypeFacts.Display(setup.ReturnType)}', which a task cannot keep"
                : known.IsCounters(setup.ReturnType) ? "returns a Counters, which each task has already"
                : null;
            if (problem is not null)
            {
                diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.InvalidTaskSetup, SourceLocations.ReturnType(setup), setup.Name, problem));
                return false;
            }

            extras = ExtraParameterReader.Read(setup, 0, "task setup", known, diagnostics);
            state = setup.ReturnType;
            return extras is not null;
        }

        public static bool CheckCombiner(IMethodSymbol combiner, ITypeSymbol value, List<Diagnostic> diagnostics)
        {
            Func<ITypeSymbol, string> mismatch = taken => $"takes '{TypeFacts.Display(taken)}', but the mappers emit values of type '{TypeFacts.Display(value)}'";
            if (SignatureChecker.Check(combiner, value, new[] { (value, mismatch), (value, mismatch) }, "a combiner takes two values") is not { } wrong)
            {
                return true;
            }

            diagnostics.Add(Diagnostic.Create(
                DiagnosticDescriptors.InvalidCombinerShape, wrong.Location, combiner.Name, wrong.Problem, TypeFacts.Display(value)));
            return false;
        }

        /// <summary>
        /// Reads the job's ordering and partitioning: each comparer is <c>static int C(T left, T right)</c> over what it
        /// orders, values are ordered only for a reducer that sees them, sorted keys have an order and no partitioner.
        /// Null when anything is wrong.
        /// </summary>
        public static JobLayoutModel? ReadLayout(
            JobParts parts, string jobName, ITypeSymbol key, ITypeSymbol value, ReducerRead reducer, KnownTypes known, List<Diagnostic> diagnostics)
        {
            bool sortByKey = SortsByKey(parts.Reducer, known) || parts.KeyComparer is not null;
            bool ok = true;
            if (parts.KeyComparer is { } keyComparer)
            {
                ok &= CheckComparer(keyComparer, "KeyComparer", key, known, diagnostics);
            }

            if (parts.ValueComparer is { } valueComparer)
            {
                ok &= CheckComparer(valueComparer, "ValueComparer", value, known, diagnostics);
                if (reducer.Shape.ReduceMember != ReduceMember.ReduceValues)
                {
                    diagnostics.Add(Diagnostic.Create(
                        DiagnosticDescriptors.ValueComparerWithoutValues, SourceLocations.Name(valueComparer), valueComparer.Name, parts.Reducer.Name,
                        reducer.Shape.Kind switch
                        {
                            ShapeKind.Fold => "is a fold of two values",
                            ShapeKind.Distinct => "takes only the key",
                            _ => "takes one combined value",
                        }));
                    ok = false;
                }
            }

            if (parts.OutputComparer is { } outputComparer)
            {
                ok &= CheckComparer(outputComparer, "OutputComparer", reducer.Result, known, diagnostics);
            }

            if (parts.Partitioner is { } partitioner)
            {
                // With a key order too, each partition is the keys the partitioner chose, sorted (Hadoop's secondary sort):
                // there is no total order, and no key ranges are sampled.
                ok &= CheckPartitioner(partitioner, key, known, diagnostics);
            }

            if (sortByKey && parts.KeyComparer is null && !ValueSemantics.HasKeyOrder(key, known))
            {
                diagnostics.Add(Diagnostic.Create(
                    DiagnosticDescriptors.UnorderedKey, SourceLocations.Attribute(parts.Reducer, known.ReducerAttribute), jobName, TypeFacts.Display(key)));
                ok = false;
            }

            return ok
                ? new JobLayoutModel(sortByKey, parts.KeyComparer?.Name, parts.ValueComparer?.Name, parts.OutputComparer?.Name, parts.Partitioner?.Name)
                : null;
        }

        private static bool CheckComparer(IMethodSymbol comparer, string attribute, ITypeSymbol compared, KnownTypes known, List<Diagnostic> diagnostics)
        {
            Func<ITypeSymbol, string> mismatch = taken => $"takes '{TypeFacts.Display(taken)}', but it orders values of type '{TypeFacts.Display(compared)}'";
            if (SignatureChecker.Check(comparer, known.Int32, new[] { (compared, mismatch), (compared, mismatch) }, "a comparer takes two") is not { } wrong)
            {
                return true;
            }

            diagnostics.Add(Diagnostic.Create(
                DiagnosticDescriptors.InvalidComparerShape, wrong.Location, attribute, comparer.Name, wrong.Problem, TypeFacts.Display(compared)));
            return false;
        }

        private static bool CheckPartitioner(IMethodSymbol partitioner, ITypeSymbol key, KnownTypes known, List<Diagnostic> diagnostics)
        {
            (ITypeSymbol, Func<ITypeSymbol, string>)[] takes =
            {
                (key, taken => $"takes '{TypeFacts.Display(taken)}', but the job's keys are '{TypeFacts.Display(key)}'"),
                (known.Int32, taken => $"takes '{TypeFacts.Display(taken)}' as the partition count, not 'int'"),
            };
            if (SignatureChecker.Check(partitioner, known.Int32, takes, "a partitioner takes a key and the partition count") is not { } wrong)
            {
                return true;
            }

            diagnostics.Add(Diagnostic.Create(
                DiagnosticDescriptors.InvalidPartitionerShape, wrong.Location, partitioner.Name, wrong.Problem, TypeFacts.Display(key)));
            return false;
        }

        /// <summary>Whether the reducer asks for sorted output: <c>[Reducer(SortByKey = true)]</c>.</summary>
        private static bool SortsByKey(IMethodSymbol reducer, KnownTypes known)
        {
            foreach (AttributeData attribute in reducer.GetAttributes())
            {
                if (known.IsReducer(attribute))
                {
                    foreach (KeyValuePair<string, TypedConstant> argument in attribute.NamedArguments)
                    {
                        if (argument.Key == "SortByKey" && argument.Value.Value is true)
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }
    }
}
