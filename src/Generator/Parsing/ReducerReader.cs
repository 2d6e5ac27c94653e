using System.Collections.Generic;
using System.Linq;
using MapReduceGen.Generator.Diagnostics;
using MapReduceGen.Generator.Model;
using Microsoft.CodeAnalysis;

namespace MapReduceGen.Generator.Parsing
{
    /// <summary>
    /// Reads the <c>[Reducer]</c> and decides the job's shape, once: a fold <c>(TValue left, TValue right)</c>, a key with
    /// its values (<c>ReadOnlySpan</c>/<c>IReadOnlyList</c>), a key with the one combined value, or a key alone; each
    /// (but the fold) returning the key's result or writing records to a <c>RecordOutput</c>, and followed by the job's
    /// parameters and a <c>Counters</c>. Whether the job has a <c>[Combiner]</c> completes the choice of row.
    /// </summary>
    internal static class ReducerReader
    {
        /// <summary>Reads the reducer of a job whose mappers emit <paramref name="key"/> and <paramref name="value"/>.</summary>
        public static ReducerRead? Read(
            IMethodSymbol reducer, IMethodSymbol mapper, ITypeSymbol key, ITypeSymbol value, IMethodSymbol? combiner, string jobName,
            KnownTypes known, List<Diagnostic> diagnostics, ITypeSymbol? taskState = null)
        {
            int output = RecordOutputIndex(reducer, known);
            if (FormProblem(reducer, output) is { } form)
            {
                diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.InvalidReducerShape, form.Location, reducer.Name, form.Problem));
                return null;
            }

            var reading = new Reading(reducer, mapper, key, value, combiner, known, diagnostics, taskState);
            ReducerRead? read = reading.Decide(output);
            if (read is null || combiner is null || read.Shape.Kind is not (ShapeKind.Fold or ShapeKind.Distinct))
            {
                return read;
            }

            // A fold combines already; a reducer of keys only has no values to combine.
            diagnostics.Add(read.Shape.Kind == ShapeKind.Fold
                ? Diagnostic.Create(
                    DiagnosticDescriptors.CombinerWithFoldReducer, SourceLocations.Name(combiner), jobName, combiner.Name, reducer.Name, TypeFacts.Display(value))
                : Diagnostic.Create(
                    DiagnosticDescriptors.CombinerWithDistinctReducer, SourceLocations.Name(combiner), jobName, combiner.Name, reducer.Name));
            return null;
        }

        /// <summary>Where the reducer takes its <c>RecordOutput</c>: after the key (1), after the values (2), or nowhere (-1).</summary>
        private static int RecordOutputIndex(IMethodSymbol reducer, KnownTypes known)
        {
            var parameters = reducer.Parameters;
            return parameters.Length > 1 && TypeFacts.IsConstructedFrom(parameters[1].Type, known.RecordOutput) ? 1
                : parameters.Length > 2 && TypeFacts.IsConstructedFrom(parameters[2].Type, known.RecordOutput) ? 2
                : -1;
        }

        /// <summary>What makes the reducer no reducer of any shape, whatever its types.</summary>
        private static (string Problem, Location Location)? FormProblem(IMethodSymbol reducer, int output)
        {
            var parameters = reducer.Parameters;
            if (reducer.ReturnsByRef || reducer.ReturnsByRefReadonly)
            {
                return ("returns by reference", SourceLocations.Name(reducer));
            }

            if (parameters.Length == 0)
            {
                return ("has 0 parameters; a reducer takes a key (with its values, or alone) or two values to fold", SourceLocations.Name(reducer));
            }

            int required = reducer.ReturnsVoid ? (output < 0 ? 3 : output + 1) : 2;
            for (int i = 0; i < required && i < parameters.Length; i++)
            {
                if (parameters[i] is { RefKind: not RefKind.None } byRef)
                {
                    return ($"takes '{byRef.Name}' by '{TypeFacts.RefKindText(byRef.RefKind)}'; take it by value", SourceLocations.Parameter(byRef));
                }
            }

            if (reducer.ReturnsVoid && output < 0)
            {
                return ("returns void but takes no RecordOutput<TRecord> after the values; a reducer returns the key's result or writes records to a RecordOutput<TRecord>", SourceLocations.Name(reducer));
            }

            if (!reducer.ReturnsVoid && output >= 0)
            {
                return ($"takes a RecordOutput<TRecord> but returns '{TypeFacts.Display(reducer.ReturnType)}'; a reducer that writes records returns void", SourceLocations.ReturnType(reducer));
            }

            if (reducer.ReturnsVoid && ((INamedTypeSymbol)parameters[output].Type).TypeArguments[0].IsRefLikeType)
            {
                return ("writes records of a ref struct type, which cannot be stored in a result", SourceLocations.Parameter(parameters[output]));
            }

            return !reducer.ReturnsVoid && reducer.ReturnType.IsRefLikeType
                ? ("returns a ref struct, which cannot be stored in a result", SourceLocations.Name(reducer))
                : null;
        }

        /// <summary>One reducer being read against the mappers' types.</summary>
        private sealed class Reading
        {
            private readonly IMethodSymbol _reducer;
            private readonly IMethodSymbol _mapper;
            private readonly ITypeSymbol _key;
            private readonly ITypeSymbol _value;
            private readonly IMethodSymbol? _combiner;
            private readonly KnownTypes _known;
            private readonly List<Diagnostic> _diagnostics;
            private readonly ITypeSymbol? _taskState;

            public Reading(
                IMethodSymbol reducer, IMethodSymbol mapper, ITypeSymbol key, ITypeSymbol value, IMethodSymbol? combiner, KnownTypes known,
                List<Diagnostic> diagnostics, ITypeSymbol? taskState)
            {
                _taskState = taskState;
                _reducer = reducer;
                _mapper = mapper;
                _key = key;
                _value = value;
                _combiner = combiner;
                _known = known;
                _diagnostics = diagnostics;
            }

            /// <summary>Decides the shape from the parameters after the key (the record output at <paramref name="output"/>, or -1).</summary>
            public ReducerRead? Decide(int output)
            {
                var parameters = _reducer.Parameters;
                JobOutputKind kind = output < 0 ? JobOutputKind.Result : JobOutputKind.Records;
                ITypeSymbol result = output < 0 ? _reducer.ReturnType : ((INamedTypeSymbol)parameters[output].Type).TypeArguments[0];
                if (parameters.Length == 1 || output == 1)
                {
                    return KeyOnly(kind, result, extrasStart: output < 0 ? 1 : 2);
                }

                ITypeSymbol first = parameters[0].Type;
                ITypeSymbol second = parameters[1].Type;
                int extrasStart = output < 0 ? 2 : 3;
                if (GroupValueType(second, out bool takesList) is { } groupValue)
                {
                    bool ok = CheckKey(parameters[0]) & CheckValues(parameters[1], groupValue);
                    bool differs = !TypeFacts.SameNullability(first, _key) || !TypeFacts.SameNullability(groupValue, _value);
                    return Complete(ok, _combiner is null ? ShapeKind.Group : ShapeKind.CombinedGroup, kind, result, extrasStart, takesList, differs);
                }

                if (output < 0 && parameters.Length > 2 && _combiner is null && TypeFacts.Same(first, _value) && TypeFacts.Same(second, _value))
                {
                    // Two values and more: a fold that takes parameters or counters (without a combiner this is no finishing
                    // reducer, even where keys and values are of one type).
                    IParameterSymbol extra = parameters[2];
                    _diagnostics.Add(Diagnostic.Create(
                        DiagnosticDescriptors.InvalidReducerShape, SourceLocations.Parameter(extra), _reducer.Name,
                        $"folds two values and then takes '{extra.Name}'; a fold runs any number of times, map-side too, so it takes neither the job's parameters nor a Counters: " +
                        $"remove '{extra.Name}' (or, to finish each key once, make it 'static TResult {_reducer.Name}(TKey key, TValue combined, ...)' with a [Combiner])"));
                    return null;
                }

                if (output < 0 && parameters.Length == 2 && TypeFacts.Same(first, second) && !(_combiner is not null && TypeFacts.Same(first, _key)))
                {
                    // (TValue left, TValue right) -> TValue. With a combiner, (TKey, TValue) of one type is a finishing reducer.
                    return Fold();
                }

                if (TypeFacts.Same(second, _value))
                {
                    bool ok = CheckKey(parameters[0]);
                    if (_combiner is null)
                    {
                        _diagnostics.Add(Diagnostic.Create(
                            DiagnosticDescriptors.FinishingReducerWithoutCombiner, SourceLocations.Parameter(parameters[1]), _reducer.Name, TypeFacts.Display(_value)));
                        ok = false;
                    }

                    bool differs = !TypeFacts.SameNullability(first, _key) || !TypeFacts.SameNullability(second, _value);
                    return Complete(ok, ShapeKind.Finish, kind, result, extrasStart, takesList: false, differs);
                }

                if (output < 0 && (_known.IsCounters(second) || (TypeFacts.Same(first, _key) && !TypeFacts.IsSequenceOf(second, _value, _known))))
                {
                    // A key alone, followed by the job's parameters or a Counters.
                    return KeyOnly(kind, result, extrasStart: 1);
                }

                _diagnostics.Add(Diagnostic.Create(
                    DiagnosticDescriptors.InvalidReducerShape, SourceLocations.Parameter(parameters[1]), _reducer.Name,
                    $"takes '{TypeFacts.Display(first)}' and '{TypeFacts.Display(second)}', which is neither a fold of two values nor a key with ReadOnlySpan<TValue> or IReadOnlyList<TValue>"));
                return null;
            }

            private ReducerRead? KeyOnly(JobOutputKind output, ITypeSymbol result, int extrasStart)
            {
                IParameterSymbol key = _reducer.Parameters[0];
                return Complete(CheckKey(key), ShapeKind.Distinct, output, result, extrasStart, takesList: false, !TypeFacts.SameNullability(key.Type, _key));
            }

            private ReducerRead? Fold()
            {
                var parameters = _reducer.Parameters;
                if (!TypeFacts.Same(parameters[0].Type, _value))
                {
                    CheckValues(parameters[0], parameters[0].Type);
                    return null;
                }

                if (!TypeFacts.Same(_reducer.ReturnType, _value))
                {
                    _diagnostics.Add(Diagnostic.Create(
                        DiagnosticDescriptors.FoldResultMismatch, SourceLocations.ReturnType(_reducer), _reducer.Name,
                        TypeFacts.Display(_reducer.ReturnType), TypeFacts.Display(_value)));
                    return null;
                }

                bool differs = !TypeFacts.SameNullability(parameters[0].Type, _value) || !TypeFacts.SameNullability(parameters[1].Type, _value) ||
                    !TypeFacts.SameNullability(_reducer.ReturnType, _value);
                return new ReducerRead(
                    JobShapes.Of(ShapeKind.Fold, JobOutputKind.Result), _value, new List<ExtraParameter>(), takesList: false, differs || CombinerNullabilityDiffers());
            }

            /// <summary>Reads the extra parameters from <paramref name="extrasStart"/> on and makes the read, unless something was wrong.</summary>
            private ReducerRead? Complete(bool ok, ShapeKind shape, JobOutputKind output, ITypeSymbol result, int extrasStart, bool takesList, bool differs)
            {
                List<ExtraParameter>? extras = ExtraParameterReader.Read(_reducer, extrasStart, "reducer", _known, _diagnostics, _taskState);
                return ok && extras is not null
                    ? new ReducerRead(JobShapes.Of(shape, output), result, extras, takesList, differs || CombinerNullabilityDiffers())
                    : null;
            }

            private bool CombinerNullabilityDiffers() =>
                _combiner is { Parameters.Length: 2 } combiner &&
                (!TypeFacts.SameNullability(combiner.Parameters[0].Type, _value) || !TypeFacts.SameNullability(combiner.Parameters[1].Type, _value) ||
                 !TypeFacts.SameNullability(combiner.ReturnType, _value));

            private bool CheckKey(IParameterSymbol parameter)
            {
                if (TypeFacts.Same(parameter.Type, _key))
                {
                    return true;
                }

                _diagnostics.Add(Diagnostic.Create(
                    DiagnosticDescriptors.KeyTypeMismatch, SourceLocations.Parameter(parameter), _reducer.Name,
                    TypeFacts.Display(parameter.Type), _mapper.Name, TypeFacts.Display(_key)));
                return false;
            }

            private bool CheckValues(IParameterSymbol parameter, ITypeSymbol taken)
            {
                if (TypeFacts.Same(taken, _value))
                {
                    return true;
                }

                _diagnostics.Add(Diagnostic.Create(
                    DiagnosticDescriptors.ValueTypeMismatch, SourceLocations.Parameter(parameter), _reducer.Name,
                    TypeFacts.Display(taken), _mapper.Name, TypeFacts.Display(_value)));
                return false;
            }

            /// <summary>The element type of a <c>ReadOnlySpan&lt;T&gt;</c> or <c>IReadOnlyList&lt;T&gt;</c> parameter, or null.</summary>
            private ITypeSymbol? GroupValueType(ITypeSymbol type, out bool takesList)
            {
                takesList = TypeFacts.IsConstructedFrom(type, _known.IReadOnlyList);
                return takesList || TypeFacts.IsConstructedFrom(type, _known.ReadOnlySpan) ? ((INamedTypeSymbol)type).TypeArguments[0] : null;
            }
        }
    }
}
