using MapReduceGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace MapReduceGen.Generator.Tests;

/// <summary>
/// What the generated plumbing costs and shows (issue 19): the job struct, its mapper structs and its definition are hidden
/// from IntelliSense; a reducer that takes an <c>IReadOnlyList</c> gets a view of the partition's values, not a copy per
/// key, which it may keep; the <c>[ValueComparer]</c> sorts through the job struct, not a delegate.
/// </summary>
public sealed class GeneratedPlumbingTests
{
    [Fact]
    public void The_job_struct_its_mappers_and_its_definition_are_hidden_from_IntelliSense()
    {
        GeneratorRun run = TestCompiler.Run("""
            using MapReduceGen;

            public static partial class Job
            {
                [Mapper]
                public static void Map(string line, Emitter<string, int> emit) => emit.Emit(line, 1);

                [Reducer]
                public static int Reduce(int left, int right) => left + right;
            }
            """);
        run.AssertClean();

        INamedTypeSymbol job = run.Output.GetTypeByMetadataName("Job+MapReduceJob")!;
        ISymbol[] plumbing = [job, job.GetTypeMembers("Mapper0").Single(), job.GetMembers("Definition").Single()];
        foreach (ISymbol symbol in plumbing)
        {
            AttributeData hidden = Assert.Single(symbol.GetAttributes(), a => a.AttributeClass?.Name == "EditorBrowsableAttribute");
            Assert.Equal(1, hidden.ConstructorArguments[0].Value); // EditorBrowsableState.Never
        }

        // What users call stays visible.
        Assert.DoesNotContain(
            run.Output.GetTypeByMetadataName("Job")!.GetMembers("Run").SelectMany(m => m.GetAttributes()),
            a => a.AttributeClass?.Name == "EditorBrowsableAttribute");
    }

    [Fact]
    public void A_list_reducer_gets_a_view_of_the_values_not_a_copy_and_may_keep_it_spilled_or_not()
    {
        string output = Scenario.Execute("""
            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.Linq;
            using MapReduceGen;

            public static partial class Keep
            {
                [Mapper]
                public static void Map(int i, Emitter<int, int> emit) => emit.Emit(i % 500, i);

                [ValueComparer]
                public static int Descending(int left, int right) => right.CompareTo(left);

                [Reducer]
                public static IReadOnlyList<int> Reduce(int key, IReadOnlyList<int> values) => values;
            }

            internal static class Probe
            {
                public static string Execute()
                {
                    int[] inputs = [.. Enumerable.Range(0, 20_000)];
                    var inMemory = Keep.Run(inputs, new MapReduceOptions { MaxDegreeOfParallelism = 2, PartitionCount = 3, MemoryBudget = 0 });
                    string spill = Directory.CreateTempSubdirectory("mrg-keep-").FullName;
                    try
                    {
                        var spilled = Keep.Run(inputs, new MapReduceOptions
                        {
                            MaxDegreeOfParallelism = 2, PartitionCount = 3, MemoryBudget = 16 * 1024, SpillDirectory = spill,
                        });

                        // Each kept list is its key's values, in the comparer's order, after the whole run.
                        bool Right(MapReduceResult<int, IReadOnlyList<int>> result) =>
                            result.Count == 500 &&
                            result.All(e => e.Value.SequenceEqual(Enumerable.Range(0, 40).Select(k => e.Key + 500 * k).OrderDescending()));
                        return string.Join(",",
                            Right(inMemory), Right(spilled), spilled.Statistics.BytesSpilled > 0,
                            inMemory.Values.All(v => v is not int[]));
                    }
                    finally
                    {
                        Directory.Delete(spill, recursive: true);
                    }
                }
            }
            """);

        Assert.Equal("True,True,True,True", output);
    }
}
