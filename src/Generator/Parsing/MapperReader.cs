using System.Collections.Generic;
using System.Linq;
using MapReduceGen.Generator.Diagnostics;
using MapReduceGen.Generator.Model;
using Microsoft.CodeAnalysis;

namespace MapReduceGen.Generator.Parsing
{
    /// <summary>Reads a <c>[Mapper]</c>: which of the two forms it has, what it maps and emits (MRG0008, MRG0023).</summary>
    internal static class MapperReader
    {
        public static MapperRead? Read(IMethodSymbol mapper, KnownTypes known, List<Diagnostic> diagnostics, ITypeSymbol? taskState = null)
        {
            var form = ReadForm(mapper, known);
            if (form.Problem is null && form.Input!.IsRefLikeType)
            {
                form = Fail(
                    $"takes the ref struct '{TypeFacts.Display(form.Input)}' as input, which cannot be held in a sequence of inputs",
                    SourceLocations.Parameter(mapper.Parameters[0]));
            }

            if (form.Problem is null && (form.Key!.IsRefLikeType || form.Value!.IsRefLikeType))
            {
                form = Fail("emits a ref struct, which cannot be stored in a table", SourceLocations.Name(mapper));
            }

            if (form.Problem is not null)
            {
                diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.InvalidMapperShape, form.Location, mapper.Name, form.Problem));
                return null;
            }

            int extrasStart = form.Shape == MapperShape.Emitter ? 2 : 1;
            return ExtraParameterReader.Read(mapper, extrasStart, "mapper", known, diagnostics, taskState) is { } extras
                ? new MapperRead(mapper, form.Input!, form.Key!, form.Value!, form.Shape, extras, form.KeyValuePairs)
                : null;
        }

        /// <summary>
        /// The form the mapper has: <c>void M(TInput, Emitter&lt;TKey, TValue&gt;)</c> or
        /// <c>IEnumerable&lt;(TKey, TValue)&gt; M(TInput)</c> (or of <c>KeyValuePair&lt;TKey, TValue&gt;</c>). The return type decides which form the mapper was meant to be,
        /// so it is checked before the parameters.
        /// </summary>
        private static Form ReadForm(IMethodSymbol mapper, KnownTypes known)
        {
            var parameters = mapper.Parameters;
            if (parameters.Length == 0)
            {
                return Fail("takes no input", SourceLocations.Name(mapper));
            }

            if (parameters[0].RefKind != RefKind.None)
            {
                return Fail($"takes its input by '{TypeFacts.RefKindText(parameters[0].RefKind)}'; take it by value", SourceLocations.Parameter(parameters[0]));
            }

            if (mapper.ReturnsVoid)
            {
                if (parameters.Length < 2)
                {
                    return Fail("returns void but has no Emitter<TKey, TValue> parameter", SourceLocations.Name(mapper));
                }

                if (parameters[1].Type is not INamedTypeSymbol emitter || !TypeFacts.IsConstructedFrom(emitter, known.Emitter))
                {
                    return Fail(
                        $"returns void but its second parameter is '{TypeFacts.Display(parameters[1].Type)}', not Emitter<TKey, TValue>",
                        SourceLocations.Parameter(parameters[1]));
                }

                return parameters[1].RefKind != RefKind.None
                    ? Fail($"takes its Emitter by '{TypeFacts.RefKindText(parameters[1].RefKind)}'; take it by value", SourceLocations.Parameter(parameters[1]))
                    : new Form(MapperShape.Emitter, parameters[0].Type, emitter.TypeArguments[0], emitter.TypeArguments[1]);
            }

            if (mapper.ReturnsByRef || mapper.ReturnsByRefReadonly)
            {
                return Fail("returns by reference", SourceLocations.Name(mapper));
            }

            List<INamedTypeSymbol> pairs = PairTypes(mapper.ReturnType, known);
            if (pairs.Count == 0)
            {
                return Fail(
                    $"returns '{TypeFacts.Display(mapper.ReturnType)}', which is neither void nor IEnumerable<(TKey Key, TValue Value)> nor IEnumerable<KeyValuePair<TKey, TValue>>",
                    SourceLocations.Name(mapper));
            }

            if (pairs.Count > 1)
            {
                return Fail(
                    $"returns '{TypeFacts.Display(mapper.ReturnType)}', which is a sequence of two kinds of pairs ('{TypeFacts.Display(pairs[0])}' and '{TypeFacts.Display(pairs[1])}'), so which it emits is ambiguous",
                    SourceLocations.Name(mapper));
            }

            INamedTypeSymbol element = pairs[0];
            bool keyValuePairs = !element.IsTupleType;
            (ITypeSymbol Key, ITypeSymbol Value) pair = keyValuePairs
                ? (element.TypeArguments[0], element.TypeArguments[1])
                : (element.TupleElements[0].Type, element.TupleElements[1].Type);

            for (int i = 1; i < parameters.Length; i++)
            {
                if (TypeFacts.IsConstructedFrom(parameters[i].Type, known.Emitter))
                {
                    return Fail("returns a sequence of pairs and also takes an Emitter<TKey, TValue>; use one or the other", SourceLocations.Parameter(parameters[i]));
                }
            }

            return new Form(MapperShape.Enumerable, parameters[0].Type, pair.Key, pair.Value, keyValuePairs);
        }

        /// <summary>
        /// The distinct pair types the return type is a sequence of: <c>(TKey, TValue)</c> tuples and
        /// <c>KeyValuePair&lt;TKey, TValue&gt;</c> (a type that is a sequence of two kinds is ambiguous).
        /// </summary>
        private static List<INamedTypeSymbol> PairTypes(ITypeSymbol returnType, KnownTypes known)
        {
            var pairs = new List<INamedTypeSymbol>(1);
            if (returnType is INamedTypeSymbol self)
            {
                AddPair(self, pairs, known);
                if (pairs.Count == 1 && TypeFacts.IsConstructedFrom(self, known.IEnumerable))
                {
                    // IEnumerable<T> itself (the usual return type) implements only IEnumerable: no second pair type to look for.
                    return pairs;
                }
            }

            foreach (INamedTypeSymbol candidate in returnType.AllInterfaces)
            {
                AddPair(candidate, pairs, known);
            }

            return pairs;
        }

        private static void AddPair(INamedTypeSymbol candidate, List<INamedTypeSymbol> pairs, KnownTypes known)
        {
            if (!TypeFacts.IsConstructedFrom(candidate, known.IEnumerable) ||
                candidate.TypeArguments[0] is not INamedTypeSymbol tuple ||
                !(tuple is { IsTupleType: true, TupleElements.Length: 2 } || TypeFacts.IsConstructedFrom(tuple, known.KeyValuePair)))
            {
                return;
            }

            foreach (INamedTypeSymbol pair in pairs)
            {
                if (TypeFacts.Same(pair, tuple))
                {
                    return;
                }
            }

            pairs.Add(tuple);
        }

        private static Form Fail(string problem, Location location) => new Form(problem, location);

        /// <summary>A mapper's form, or why it has none.</summary>
        private readonly struct Form
        {
            public Form(MapperShape shape, ITypeSymbol input, ITypeSymbol key, ITypeSymbol value, bool keyValuePairs = false)
            {
                KeyValuePairs = keyValuePairs;
                Shape = shape;
                Input = input;
                Key = key;
                Value = value;
                Problem = null;
                Location = Location.None;
            }

            public Form(string problem, Location location)
            {
                Shape = MapperShape.Emitter;
                KeyValuePairs = false;
                Input = Key = Value = null;
                Problem = problem;
                Location = location;
            }

            public MapperShape Shape { get; }

            public bool KeyValuePairs { get; }

            public ITypeSymbol? Input { get; }

            public ITypeSymbol? Key { get; }

            public ITypeSymbol? Value { get; }

            public string? Problem { get; }

            public Location Location { get; }
        }
    }
}
