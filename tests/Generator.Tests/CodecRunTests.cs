using MapReduceGen.Generator.Tests.Infrastructure;

namespace MapReduceGen.Generator.Tests;

/// <summary>
/// The codecs the generator writes for a job's key, value and result types, compiled and run: every writable kind
/// (enums, nullable values, tuples of any arity, records and record structs, classes and structs with settable members,
/// closed generic records, arrays, lists, dictionaries, sequence interfaces, the built-in types) round-trips through bytes
/// and writes the JSON System.Text.Json writes for records; jobs with tuple and record keys and values spill under a
/// tiny memory budget and give the unlimited run's output; JSON Lines files hold those objects.
/// </summary>
public sealed class CodecRunTests
{
    private const string Types = """
        using System;
        using System.Collections.Generic;

        namespace Codecs;

        public enum Color : short { Red = -1, Green, Blue }

        public readonly record struct Point(double X, double Y);

        public sealed record Customer(int Id, string Name, string? Email);

        public sealed class Settings
        {
            public int Level { get; set; }

            public string Label { get; init; } = "";

            public List<string>? Tags { get; set; }
        }

        public struct Counter
        {
            public long Count;
            public decimal Total;
        }

        public sealed record Pair<TLeft, TRight>(TLeft Left, TRight Right);

        public record Shape(string Kind)
        {
            public int Sides { get; init; }

            public string Describe => Kind + Sides;
        }

        public sealed record Everything(
            Color Color,
            int? Maybe,
            Point? Where,
            (string Word, int Count) Named,
            (int, int, int, int, int, int, int, int, string) Wide,
            Customer? Owner,
            Point Origin,
            Settings Settings,
            Counter Counter,
            int[] Numbers,
            List<string?>? Words,
            Dictionary<string, long> Totals,
            Dictionary<int, Point> Points,
            byte[] Data,
            Guid Id,
            DateOnly Day,
            TimeSpan Span,
            DateTimeOffset At,
            Int128 Huge,
            Half Small,
            sbyte Tiny,
            char Letter,
            Pair<int, string> Pair,
            IReadOnlyList<Customer?> Customers,
            Shape Shape);
        """;

    private const string EverythingJob = """
        using System;
        using System.Collections.Generic;
        using MapReduceGen;

        namespace Codecs;

        public static partial class EverythingJob
        {
            [Mapper]
            public static void Map(Everything input, Emitter<(string Name, int Id), Everything> emit) => emit.Emit((input.Settings.Label, input.Pair.Left), input);

            [Reducer]
            public static Everything Reduce((string Name, int Id) key, ReadOnlySpan<Everything> values) => values[0];
        }
        """;

    private const string Samples = """
        using System;
        using System.Collections.Generic;
        using System.IO;
        using System.Reflection;
        using System.Text;
        using System.Text.Json;
        using MapReduceGen.Engine;

        namespace Codecs;

        internal static class Samples
        {
            public static Everything Full(int i) => new(
                Color.Red,
                i,
                new Point(1.5, -2),
                ("word", i),
                (1, 2, 3, 4, 5, 6, 7, 8, "ninth"),
                new Customer(i, "Ann \"the\" <first>", null),
                new Point(0, double.MaxValue),
                new Settings { Level = 3, Label = "label-" + i, Tags = ["a", "b"] },
                new Counter { Count = long.MinValue, Total = 1.10m },
                [1, -2, 3],
                ["x", null, "zé"],
                new Dictionary<string, long> { ["one"] = 1, ["two"] = 2 },
                new Dictionary<int, Point> { [7] = new Point(7, 7) },
                [0, 255, 128],
                new Guid("01234567-89ab-cdef-0123-456789abcdef"),
                new DateOnly(2024, 2, 29),
                TimeSpan.FromMilliseconds(1234.5),
                new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.FromHours(2)),
                Int128.MaxValue,
                (Half)0.5,
                -7,
                'é',
                new Pair<int, string>(i, "right"),
                [new Customer(1, "a", "a@b"), null],
                new Shape("triangle") { Sides = 3 });

            public static Everything Sparse(int i) => Full(i) with
            {
                Maybe = null,
                Where = null,
                Owner = null,
                Words = null,
                Settings = new Settings { Label = "sparse-" + i },
                Customers = [],
            };

            /// <summary>The codec the generator wrote for a type, found by its class's name (it is private to the job struct).</summary>
            public static ValueCodec<T> Codec<T>(Type job, string name) =>
                (ValueCodec<T>)job.GetNestedType("MapReduceJob")!.GetNestedType(name, BindingFlags.NonPublic)!
                    .GetField("Instance")!.GetValue(null)!;

            public static byte[] Bytes<T>(ValueCodec<T> codec, T value)
            {
                var writer = new ValueWriter();
                codec.Write(writer, value);
                return writer.ToArray();
            }

            public static T Read<T>(ValueCodec<T> codec, byte[] bytes)
            {
                var reader = new ValueReader(bytes);
                T value = codec.Read(ref reader);
                return reader.End ? value : throw new InvalidDataException($"{reader.Remaining} bytes left after the value.");
            }

            public static string Json<T>(ValueCodec<T> codec, T value)
            {
                using var stream = new MemoryStream();
                using (var writer = new Utf8JsonWriter(stream))
                {
                    codec.WriteJson(writer, value);
                }

                return Encoding.UTF8.GetString(stream.ToArray());
            }
        }
        """;

    [Fact]
    public void Every_writable_kind_round_trips_through_bytes_and_writes_the_same_JSON_back()
    {
        string output = Scenario.Execute(Types, EverythingJob, Samples, """
            using System;
            using System.Linq;
            using Codecs;
            using MapReduceGen.Engine;

            internal static class Probe
            {
                public static string Execute()
                {
                    ValueCodec<Everything> codec = Samples.Codec<Everything>(typeof(EverythingJob), "EverythingCodec");
                    var lines = new System.Collections.Generic.List<string>();
                    foreach (Everything sample in new[] { Samples.Full(1), Samples.Sparse(2) })
                    {
                        byte[] bytes = Samples.Bytes(codec, sample);
                        Everything back = Samples.Read(codec, bytes);
                        lines.Add(Samples.Bytes(codec, back).SequenceEqual(bytes) ? "same bytes" : "other bytes");
                        lines.Add(Samples.Json(codec, back) == Samples.Json(codec, sample) ? "same JSON" : "other JSON");
                        lines.Add(back.Numbers.SequenceEqual(sample.Numbers) && back.Wide == sample.Wide && back.Pair == sample.Pair && back.Shape == sample.Shape
                            ? "same members" : "other members");
                    }

                    lines.Add(Samples.Json(codec, Samples.Full(1)));
                    return string.Join("\n", lines);
                }
            }
            """);

        string[] lines = output.Split('\n');
        Assert.Equal(["same bytes", "same JSON", "same members", "same bytes", "same JSON", "same members"], lines[..6]);
        Assert.Equal(
            """
            {"Color":-1,"Maybe":1,"Where":{"X":1.5,"Y":-2},"Named":{"Word":"word","Count":1},
            "Wide":{"Item1":1,"Item2":2,"Item3":3,"Item4":4,"Item5":5,"Item6":6,"Item7":7,"Item8":8,"Item9":"ninth"},
            "Owner":{"Id":1,"Name":"Ann \u0022the\u0022 \u003Cfirst\u003E","Email":null},"Origin":{"X":0,"Y":1.7976931348623157E+308},
            "Settings":{"Level":3,"Label":"label-1","Tags":["a","b"]},"Counter":{"Count":-9223372036854775808,"Total":1.10},
            "Numbers":[1,-2,3],"Words":["x",null,"z\u00E9"],"Totals":{"one":1,"two":2},"Points":[[7,{"X":7,"Y":7}]],
            "Data":"AP+A","Id":"01234567-89ab-cdef-0123-456789abcdef","Day":"2024-02-29","Span":"00:00:01.2345000",
            "At":"2024-01-02T03:04:05+02:00","Huge":170141183460469231731687303715884105727,"Small":0.5,"Tiny":-7,"Letter":"\u00E9",
            "Pair":{"Left":1,"Right":"right"},"Customers":[{"Id":1,"Name":"a","Email":"a@b"},null],
            "Shape":{"Kind":"triangle","Sides":3,"Describe":"triangle3"}}
            """.ReplaceLineEndings(""),
            lines[6]);
    }

    [Fact]
    public void Records_are_written_as_JSON_the_way_System_Text_Json_writes_them()
    {
        string output = Scenario.Execute(Types, EverythingJob, Samples, """
            using System.Collections.Generic;
            using System.Text.Json;
            using Codecs;

            internal static class Probe
            {
                public static string Execute()
                {
                    var customer = new Customer(7, "Zoë <b>", null);
                    var shape = new Shape("square") { Sides = 4 };
                    var pair = new Pair<int, string>(-1, "x\ty");
                    var settings = new Settings { Level = 2, Label = "l", Tags = ["t"] };
                    var results = new List<string>
                    {
                        Compare(Samples.Json(Samples.Codec<Customer>(typeof(EverythingJob), "CustomerCodec"), customer), JsonSerializer.Serialize(customer)),
                        Compare(Samples.Json(Samples.Codec<Shape>(typeof(EverythingJob), "ShapeCodec"), shape), JsonSerializer.Serialize(shape)),
                        Compare(Samples.Json(Samples.Codec<Pair<int, string>>(typeof(EverythingJob), "PairOfInt32AndStringCodec"), pair), JsonSerializer.Serialize(pair)),
                        Compare(Samples.Json(Samples.Codec<Settings>(typeof(EverythingJob), "SettingsCodec"), settings), JsonSerializer.Serialize(settings)),
                        Compare(Samples.Json(Samples.Codec<Point>(typeof(EverythingJob), "PointCodec"), new Point(0.1, 3)), JsonSerializer.Serialize(new Point(0.1, 3))),
                    };
                    return string.Join("\n", results);
                }

                private static string Compare(string generated, string systemTextJson) =>
                    generated == systemTextJson ? "same" : generated + " <> " + systemTextJson;
            }
            """);

        Assert.Equal("same\nsame\nsame\nsame\nsame", output);
    }

    [Fact]
    public void A_job_of_tuple_and_record_keys_and_values_spills_under_a_tiny_budget_and_gives_the_unlimited_output()
    {
        string output = Scenario.Execute("""
            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.Linq;
            using MapReduceGen;

            public enum Kind { Small, Large }

            public readonly record struct Visit(string Page, int Seconds, Kind Kind);

            public sealed record Visitor(string Name, int[] Days, (double Lat, double Lon)? Place);

            public sealed record Summary(int Visits, long Seconds, List<string> Names);

            public sealed record Member(string Name, Kind Kind);

            public static partial class VisitsByPage
            {
                [Mapper]
                public static void Map(int i, Emitter<(string Page, Kind Kind), (Visit Visit, Visitor? Visitor)> emit)
                {
                    var visit = new Visit("/page/" + (i % 997), i % 60, i % 3 == 0 ? Kind.Large : Kind.Small);
                    Visitor? visitor = i % 5 == 0 ? null : new Visitor("visitor-" + (i % 53), [i % 7, i % 11], i % 2 == 0 ? (i * 0.5, -i) : null);
                    emit.Emit((visit.Page, visit.Kind), (visit, visitor));
                }

                [Reducer(SortByKey = true)]
                public static Summary Reduce((string Page, Kind Kind) key, IReadOnlyList<(Visit Visit, Visitor? Visitor)> values) =>
                    new(values.Count, values.Sum(v => (long)v.Visit.Seconds),
                        [.. values.Select(v => v.Visitor is null ? "-" : v.Visitor.Name + ":" + string.Join(",", v.Visitor.Days) + v.Visitor.Place).Order(StringComparer.Ordinal)]);
            }

            public static partial class VisitorRecords
            {
                [Mapper]
                public static void Map(int i, Emitter<Member, int> emit) => emit.Emit(new Member("v" + (i % 5003), (Kind)(i % 5003 % 2)), i);

                [Combiner]
                public static int Combine(int left, int right) => left + right;

                [Reducer]
                public static void Reduce(Member member, int total, RecordOutput<(Member Member, int Total)> output) => output.Add((member, total));
            }

            internal static class Probe
            {
                public static string Execute()
                {
                    string spill = Directory.CreateTempSubdirectory("mrg-codecs-").FullName;
                    try
                    {
                        int[] inputs = [.. Enumerable.Range(0, 30_000)];
                        var unlimited = new MapReduceOptions { MaxDegreeOfParallelism = 2, PartitionCount = 3, MemoryBudget = 0 };
                        var tiny = new MapReduceOptions { MaxDegreeOfParallelism = 2, PartitionCount = 3, MemoryBudget = 64 * 1024, SpillDirectory = spill };

                        var expected = VisitsByPage.Run(inputs, unlimited);
                        var spilled = VisitsByPage.Run(inputs, tiny);
                        string Show(MapReduceResult<(string Page, Kind Kind), Summary> result) =>
                            string.Join("|", result.Select(e => $"{e.Key}={e.Value.Visits},{e.Value.Seconds},{string.Join(";", e.Value.Names)}"));

                        var expectedRecords = VisitorRecords.Run(inputs, unlimited);
                        var spilledRecords = VisitorRecords.Run(inputs, tiny);
                        string ShowRecords(MapReduceRecords<(Member Member, int Total)> records) =>
                            string.Join("|", records.Select(r => r.Member + "=" + r.Total).Order(StringComparer.Ordinal));

                        return string.Join(",",
                            Show(expected) == Show(spilled),
                            spilled.Statistics.BytesSpilled > 0,
                            expected.Statistics.BytesSpilled == 0,
                            expected.Count,
                            ShowRecords(expectedRecords) == ShowRecords(spilledRecords),
                            spilledRecords.Statistics.BytesSpilled > 0,
                            spilledRecords.Count);
                    }
                    finally
                    {
                        Directory.Delete(spill, recursive: true);
                    }
                }
            }
            """);

        Assert.Equal("True,True,True,1994,True,True,5003", output);
    }

    [Fact]
    public void JSON_Lines_files_hold_keys_and_results_as_objects_with_their_members_names()
    {
        string output = Scenario.Execute("""
            using System;
            using System.IO;
            using System.Linq;
            using System.Threading.Tasks;
            using MapReduceGen;

            public sealed record Tally(string Word, long Count, double[] Shares);

            public static partial class WordTallies
            {
                [Mapper]
                public static void Map(string line, Emitter<(string First, int Length), string> emit)
                {
                    foreach (var word in line.Split(' '))
                    {
                        emit.Emit((word[..1], word.Length), word);
                    }
                }

                [Reducer]
                public static Tally Reduce((string First, int Length) key, ReadOnlySpan<string> words) =>
                    new(words[0], words.Length, [0.5, 1]);
            }

            internal static class Probe
            {
                public static string Execute()
                {
                    string directory = Path.Combine(Path.GetTempPath(), "mrg-jsonl-" + Guid.NewGuid().ToString("N"));
                    try
                    {
                        MapReduceFileOutput files = WordTallies.RunToFilesAsync(["ab cd ab", "cd"], directory, MapReduceFileFormat.JsonLines)
                            .GetAwaiter().GetResult();
                        return string.Join("\n", files.Files.SelectMany(f => File.ReadAllLines(f.Path)).Order(StringComparer.Ordinal));
                    }
                    finally
                    {
                        Directory.Delete(directory, recursive: true);
                    }
                }
            }
            """);

        Assert.Equal(
            """
            {"key":{"First":"a","Length":2},"value":{"Word":"ab","Count":2,"Shares":[0.5,1]}}
            {"key":{"First":"c","Length":2},"value":{"Word":"cd","Count":2,"Shares":[0.5,1]}}
            """.ReplaceLineEndings("\n"),
            output);
    }
}
