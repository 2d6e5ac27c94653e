using MapReduceGen.Generator.Tests.Infrastructure;

namespace MapReduceGen.Generator.Tests;

/// <summary>
/// Keys of every kind: the generated stable hash and equality group equal keys together (including keys that are
/// equal but not identical: 1.0m and 1.00m, 0.0 and -0.0, DateTimes of different kinds, new record instances) and
/// the result can be looked up by an equal key.
/// </summary>
public sealed class KeyKindRunTests
{
    private const string Types = """
        using System;

        public enum Color { Red, Green, Blue }

        public enum Big : long { A = 1L << 40, B, C }

        public record Point(int X, string Name);

        public record struct PointStruct(int X, string Name);

        public record CaseInsensitive(string Name)
        {
            public virtual bool Equals(CaseInsensitive? other) =>
                other is not null && string.Equals(Name, other.Name, StringComparison.OrdinalIgnoreCase);

            public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Name);
        }

        public readonly struct EquatableStruct : IEquatable<EquatableStruct>
        {
            public EquatableStruct(int value) => Value = value;

            public int Value { get; }

            public bool Equals(EquatableStruct other) => Value == other.Value;

            public override bool Equals(object? obj) => obj is EquatableStruct other && Equals(other);

            public override int GetHashCode() => Value;

            public override string ToString() => "S" + Value;
        }

        public sealed class EquatableClass : IEquatable<EquatableClass>
        {
            public EquatableClass(int value) => Value = value;

            public int Value { get; }

            public bool Equals(EquatableClass? other) => other is not null && Value == other.Value;

            public override bool Equals(object? obj) => Equals(obj as EquatableClass);

            public override int GetHashCode() => Value;
        }
        """;

    public static TheoryData<string, string, string> Keys => new()
    {
        // key type, key of input i, expected "distinct keys:count of KeyOf(0)" over inputs 0..99
        { "string", "\"k\" + (i % 3)", "3:34" },
        { "int", "i % 3", "3:34" },
        { "long", "(long)(i % 3) << 40", "3:34" },
        { "double", "(i % 3) * 0.5", "3:34" },
        { "double", "i % 2 == 0 ? 0.0 : -0.0", "1:100" },
        { "double", "i % 2 == 0 ? double.NaN : -double.NaN", "1:100" },
        { "float", "(i % 3) * 0.25f", "3:34" },
        { "bool", "i % 3 == 0", "2:34" },
        { "char", "(char)('a' + i % 3)", "3:34" },
        { "byte", "(byte)(i % 3)", "3:34" },
        { "decimal", "i % 2 == 0 ? 1.0m : 1.00m", "1:100" },
        { "decimal", "(i % 3) * 1.5m", "3:34" },
        { "Guid", "new Guid(i % 3, 0, 0, new byte[8])", "3:34" },
        { "DateTime", "new DateTime(2020, 1, 1 + i % 3)", "3:34" },
        { "DateTime", "DateTime.SpecifyKind(new DateTime(2020, 1, 1), i % 2 == 0 ? DateTimeKind.Utc : DateTimeKind.Local)", "1:100" },
        { "DateTimeOffset", "new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.FromHours(i % 3))", "3:34" },
        { "TimeSpan", "TimeSpan.FromMinutes(i % 3)", "3:34" },
        { "DateOnly", "new DateOnly(2020, 1, 1 + i % 3)", "3:34" },
        { "Color", "(Color)(i % 3)", "3:34" },
        { "Big", "Big.A + i % 3", "3:34" },
        { "Point", "new Point(i % 3, \"p\" + (i % 3))", "3:34" },
        { "PointStruct", "new PointStruct(i % 3, \"p\" + (i % 3))", "3:34" },
        { "CaseInsensitive", "new CaseInsensitive(i % 2 == 0 ? \"ABC\" : \"abc\")", "1:100" },
        { "(int, string)", "(i % 3, \"t\" + (i % 3))", "3:34" },
        { "(int Id, string? Label)", "(i % 3, i % 3 == 1 ? null : \"t\")", "3:34" },
        { "(int, (bool, string), Color)", "(i % 3, (i % 3 == 0, \"n\" + (i % 3)), (Color)(i % 3))", "3:34" },
        { "(int, int, int, int, int, int, int, int, int)", "(1, 2, 3, 4, 5, 6, 7, 8, i % 3)", "3:34" },
        { "EquatableStruct", "new EquatableStruct(i % 3)", "3:34" },
        { "EquatableClass", "new EquatableClass(i % 3)", "3:34" },
        { "int?", "i % 3 == 0 ? 7 : i % 3", "3:34" },
        { "Int128", "(Int128)(i % 3) << 100", "3:34" },
    };

    [Theory]
    [MemberData(nameof(Keys))]
    public void Equal_keys_are_grouped_and_found(string keyType, string keyOf, string expected)
    {
        // The IEquatable types keep their value in a get-only property set by a constructor: the generator cannot write
        // them, which MRG0034 says (CodecDiagnosticTests); grouping them is what this test is about.
        string accept = keyType.StartsWith("Equatable", StringComparison.Ordinal) ? "#pragma warning disable MRG0034" : "";
        string output = Scenario.Execute(Types, $$"""
            {{accept}}
            using System;
            using System.Linq;
            using MapReduceGen;

            public static partial class KeyJob
            {
                public static {{keyType}} KeyOf(int i) => {{keyOf}};

                [Mapper]
                public static void Map(int input, Emitter<{{keyType}}, int> emit) => emit.Emit(KeyOf(input), 1);

                [Reducer]
                public static int Reduce(int left, int right) => left + right;
            }

            internal static class Probe
            {
                public static string Execute()
                {
                    var options = new MapReduceOptions { MaxDegreeOfParallelism = 3, ChunkSize = 5, PartitionCount = 4 };
                    var result = KeyJob.Run(Enumerable.Range(0, 100), options);
                    return result.Count + ":" + result[KeyJob.KeyOf(0)];
                }
            }
            """);

        Assert.Equal(expected, output);
    }
}
