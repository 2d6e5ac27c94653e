using MapReduceGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MapReduceGen.Generator.Tests;

/// <summary>
/// What decides a job method's form, in one place: async methods, partial methods without an implementation,
/// a fold that takes parameters, a mapper returning two kinds of pairs, old language versions are precise errors; two
/// mappers overloading one name and an input named like generated plumbing are jobs like any other.
/// </summary>
public sealed class MethodFormTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using MapReduceGen;

        """;

    private static ExpectedDiagnostic D(string id, string message) => new(id, message);

    private static string Job(string body) => Usings + "public static partial class Job\n{\n" + body + "\n}\n";

    [Fact]
    public void An_async_void_mapper_is_an_error()
    {
        DiagnosticVerifier.Verify(
            Job("""
                [Mapper]
                public static async void [|Map|](string line, Emitter<string, int> emit)
                {
                    await Task.Yield();
                    emit.Emit(line, 1);
                }

                [Reducer]
                public static int Reduce(int left, int right) => left + right;
            """),
            [D("MRG0035", "The mapper 'Map' is async: a job's methods run inside their task, which ends at the first await, so what comes after it would run after the task (its pairs or records lost, or written into a table another task uses); make 'Map' synchronous")]);
    }

    [Fact]
    public void An_async_record_reducer_and_an_async_finishing_reducer_are_errors()
    {
        DiagnosticVerifier.Verify(
            Job("""
                [Mapper]
                public static void Map(string line, Emitter<string, int> emit) => emit.Emit(line, 1);

                [Reducer]
                public static async void [|Reduce|](string key, IReadOnlyList<int> values, RecordOutput<string> output)
                {
                    await Task.Yield();
                    output.Add(key);
                }
            """),
            [D("MRG0035", "The reducer 'Reduce' is async: a job's methods run inside their task, which ends at the first await, so what comes after it would run after the task (its pairs or records lost, or written into a table another task uses); make 'Reduce' synchronous")]);

        DiagnosticVerifier.Verify(
            Job("""
                [Mapper]
                public static void Map(string line, Emitter<string, int> emit) => emit.Emit(line, 1);

                [Combiner]
                public static int Combine(int left, int right) => left + right;

                [Reducer]
                public static async Task<double> [|Reduce|](string key, int total)
                {
                    await Task.Yield();
                    return total / 2.0;
                }
            """),
            [D("MRG0035", "The reducer 'Reduce' is async: a job's methods run inside their task, which ends at the first await, so what comes after it would run after the task (its pairs or records lost, or written into a table another task uses); make 'Reduce' synchronous")]);
    }

    [Fact]
    public void A_reducer_returning_a_task_is_an_error()
    {
        DiagnosticVerifier.Verify(
            Job("""
                [Mapper]
                public static void Map(string line, Emitter<string, int> emit) => emit.Emit(line, 1);

                [Reducer]
                public static [|Task<int>|] Reduce(string key, ReadOnlySpan<int> values) => Task.FromResult(values.Length);
            """),
            [D("MRG0035", "The reducer 'Reduce' returns 'Task<int>': a job's methods run inside their task, so each key's result would be a task nothing awaits; return the result itself")]);
    }

    [Fact]
    public void A_partial_mapper_without_an_implementation_is_an_error()
    {
        DiagnosticVerifier.Verify(
            Job("""
                [Mapper]
                static partial void [|Map|](string line, Emitter<string, int> emit);

                [Reducer]
                public static int Reduce(int left, int right) => left + right;
            """),
            [D("MRG0017", "The mapper method 'Map' is a partial method without an implementation, whose calls the compiler removes: give it a body in the job class")]);

        // With its implementation, the job is whole.
        DiagnosticVerifier.VerifyClean(Job("""
                [Mapper]
                static partial void Map(string line, Emitter<string, int> emit);

                static partial void Map(string line, Emitter<string, int> emit) => emit.Emit(line, 1);

                [Reducer]
                public static int Reduce(int left, int right) => left + right;
            """));
    }

    [Fact]
    public void A_fold_that_takes_counters_is_told_so_not_that_it_lacks_a_combiner()
    {
        DiagnosticVerifier.Verify(
            Job("""
                [Mapper]
                public static void Map(string line, Emitter<string, int> emit) => emit.Emit(line, 1);

                [Reducer]
                public static int Reduce(int left, int right, [|Counters counters|]) => left + right;
            """),
            [D("MRG0009", "The reducer 'Reduce' folds two values and then takes 'counters'; a fold runs any number of times, map-side too, so it takes neither the job's parameters nor a Counters: remove 'counters' (or, to finish each key once, make it 'static TResult Reduce(TKey key, TValue combined, ...)' with a [Combiner]): declare it as 'static TValue Reduce(TValue left, TValue right)', 'static TResult Reduce(TKey key, ReadOnlySpan<TValue> values)', 'static TResult Reduce(TKey key, IReadOnlyList<TValue> values)', 'static TResult Reduce(TKey key, TValue combined)' with a [Combiner], 'static TResult Reduce(TKey key)' for keys only, or 'static void Reduce(TKey key, ReadOnlySpan<TValue> values, RecordOutput<TRecord> output)'")]);

        // Keys and values of one type: still a fold with counters, not a finishing reducer missing its combiner.
        DiagnosticVerifier.Verify(
            Job("""
                [Mapper]
                public static void Map(int number, Emitter<int, int> emit) => emit.Emit(number % 10, 1);

                [Reducer]
                public static int Reduce(int left, int right, [|string parameters|]) => left + right;
            """),
            [D("MRG0009", "The reducer 'Reduce' folds two values and then takes 'parameters'; a fold runs any number of times, map-side too, so it takes neither the job's parameters nor a Counters: remove 'parameters' (or, to finish each key once, make it 'static TResult Reduce(TKey key, TValue combined, ...)' with a [Combiner]): declare it as 'static TValue Reduce(TValue left, TValue right)', 'static TResult Reduce(TKey key, ReadOnlySpan<TValue> values)', 'static TResult Reduce(TKey key, IReadOnlyList<TValue> values)', 'static TResult Reduce(TKey key, TValue combined)' with a [Combiner], 'static TResult Reduce(TKey key)' for keys only, or 'static void Reduce(TKey key, ReadOnlySpan<TValue> values, RecordOutput<TRecord> output)'")]);
    }

    [Fact]
    public void A_mapper_returning_two_kinds_of_pairs_is_an_error()
    {
        DiagnosticVerifier.Verify(
            Job("""
                [Mapper]
                public static Pairs [|Map|](string line) => new();

                [Reducer]
                public static int Reduce(int left, int right) => left + right;
            """) + """
            public sealed class Pairs : IEnumerable<(string, int)>, IEnumerable<(int, int)>
            {
                IEnumerator<(string, int)> IEnumerable<(string, int)>.GetEnumerator() { yield break; }
                IEnumerator<(int, int)> IEnumerable<(int, int)>.GetEnumerator() { yield break; }
                System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() { yield break; }
            }
            """,
            [D("MRG0008", "The mapper 'Map' returns 'Pairs', which is a sequence of two kinds of pairs ('(string, int)' and '(int, int)'), so which it emits is ambiguous: declare it as 'static void Map(TInput input, Emitter<TKey, TValue> emit)' or 'static IEnumerable<(TKey Key, TValue Value)> Map(TInput input)', optionally followed by the job's parameters and a Counters")]);
    }

    [Fact]
    public void A_mapper_returning_both_tuples_and_key_value_pairs_is_an_error()
    {
        DiagnosticVerifier.Verify(
            Job("""
                [Mapper]
                public static Pairs [|Map|](string line) => new();

                [Reducer]
                public static int Reduce(int left, int right) => left + right;
            """) + """
            public sealed class Pairs : IEnumerable<(string, int)>, IEnumerable<KeyValuePair<string, int>>
            {
                IEnumerator<(string, int)> IEnumerable<(string, int)>.GetEnumerator() { yield break; }
                IEnumerator<KeyValuePair<string, int>> IEnumerable<KeyValuePair<string, int>>.GetEnumerator() { yield break; }
                System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() { yield break; }
            }
            """,
            [D("MRG0008", "The mapper 'Map' returns 'Pairs', which is a sequence of two kinds of pairs ('(string, int)' and 'KeyValuePair<string, int>'), so which it emits is ambiguous: declare it as 'static void Map(TInput input, Emitter<TKey, TValue> emit)' or 'static IEnumerable<(TKey Key, TValue Value)> Map(TInput input)', optionally followed by the job's parameters and a Counters")]);
    }

    [Fact]
    public void Two_mappers_overloading_one_name_make_one_job_of_two_inputs()
    {
        string output = Scenario.Execute("""
            using System;
            using System.Linq;
            using MapReduceGen;

            public sealed record Customer(int Id, string Name);
            public sealed record Order(int CustomerId, decimal Amount);

            public static partial class Orders
            {
                [Mapper]
                public static void Map(Customer customer, Emitter<int, (string? Name, decimal Amount)> emit) => emit.Emit(customer.Id, (customer.Name, 0m));

                [Mapper]
                public static void Map(Order order, Emitter<int, (string? Name, decimal Amount)> emit) => emit.Emit(order.CustomerId, (null, order.Amount));

                [Reducer]
                public static string Reduce(int id, ReadOnlySpan<(string? Name, decimal Amount)> sides)
                {
                    string? name = null;
                    decimal total = 0;
                    foreach (var side in sides)
                    {
                        name ??= side.Name;
                        total += side.Amount;
                    }

                    return name + "=" + total;
                }
            }

            internal static class Probe
            {
                public static string Execute() =>
                    string.Join(",", Orders.Run([new Customer(1, "ann"), new Customer(2, "bo")], [new Order(1, 2m), new Order(1, 3m), new Order(2, 1m)])
                        .Values.Order(StringComparer.Ordinal));
            }
            """);

        Assert.Equal("ann=5,bo=1", output);
    }

    [Fact]
    public void An_input_named_like_the_generated_job_struct_does_not_hide_it()
    {
        string output = Scenario.Execute("""
            using System;
            using System.Linq;
            using MapReduceGen;

            public static partial class Named
            {
                [Mapper]
                public static void MapWords(string MapReduceJob, Emitter<string, int> emit) => emit.Emit(MapReduceJob, 1);

                [Mapper]
                public static void MapNumbers(int Definition, Emitter<string, int> emit) => emit.Emit("n", Definition);

                [Reducer]
                public static int Reduce(int left, int right) => left + right;
            }

            internal static class Probe
            {
                public static string Execute()
                {
                    var counts = Named.Run(["a", "b", "a"], [5, 6]);
                    return string.Join(",", counts.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => e.Key + "=" + e.Value));
                }
            }
            """);

        Assert.Equal("a=2,b=1,n=11", output);
    }

    [Fact]
    public void A_job_compiled_as_CSharp_10_is_told_it_needs_CSharp_11()
    {
        var options = TestCompiler.ParseOptions.WithLanguageVersion(LanguageVersion.CSharp10);
        GeneratorRun run = TestCompiler.Run(
            TestCompiler.Create([Usings + """
                public static partial class Job
                {
                    [Mapper]
                    public static void Map(string line, Emitter<string, int> emit) => emit.Emit(line, 1);

                    [Reducer]
                    public static int Reduce(int left, int right) => left + right;
                }
                """], withRuntime: true, parseOptions: options),
            options);

        Diagnostic diagnostic = Assert.Single(run.AnalyzerDiagnostics);
        Assert.Equal("MRG0036", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(
            "MapReduceGen needs C# 11 or later, and the job 'Job' is compiled as C# 10.0: remove <LangVersion> (.NET 7 and later default to C# 11 or later) or set it to 11 or later",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("Job", diagnostic.Location.SourceTree!.ToString().Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));
        Assert.Empty(run.GeneratedTrees);
        Assert.DoesNotContain(run.CompilerProblems, d => d.Id == "CS8706" || d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void A_record_reducer_of_values_that_returns_a_value_is_told_it_returns_void()
    {
        DiagnosticVerifier.Verify(
            Job("""
                [Mapper]
                public static void Map(string line, Emitter<string, int> emit) => emit.Emit(line, 1);

                [Reducer]
                public static [|int|] Reduce(string key, ReadOnlySpan<int> values, RecordOutput<string> output) => values.Length;
            """),
            [D("MRG0009", "The reducer 'Reduce' takes a RecordOutput<TRecord> but returns 'int'; a reducer that writes records returns void: declare it as 'static TValue Reduce(TValue left, TValue right)', 'static TResult Reduce(TKey key, ReadOnlySpan<TValue> values)', 'static TResult Reduce(TKey key, IReadOnlyList<TValue> values)', 'static TResult Reduce(TKey key, TValue combined)' with a [Combiner], 'static TResult Reduce(TKey key)' for keys only, or 'static void Reduce(TKey key, ReadOnlySpan<TValue> values, RecordOutput<TRecord> output)'")]);
    }

    [Fact]
    public void A_key_comparer_and_a_partitioner_make_a_job_sorted_within_its_partitions()
    {
        // Hadoop's secondary sort: the partitioner chooses the partitions, the comparer orders each one (no MRG error).
        DiagnosticVerifier.VerifyClean(
            Job("""
                [Mapper]
                public static void Map(string line, Emitter<string, int> emit) => emit.Emit(line, 1);

                [Reducer]
                public static int Reduce(int left, int right) => left + right;

                [KeyComparer]
                public static int Descending(string left, string right) => string.CompareOrdinal(right, left);

                [Partitioner]
                public static int Partition(string key, int partitionCount) => key.Length % partitionCount;
            """));
    }
}
