using StableHash = MapReduceGen.Engine.StableHash;

namespace MapReduceGen.Runtime.Tests.Flooding;

/// <summary>
/// Keys that are not strings, built to collide twice, as an attacker who knows .NET would build them: their own hash
/// codes (<see cref="object.GetHashCode()"/>) are all equal, and their stable hashes (<see cref="StableHash"/>, what a
/// table starts with) agree in their low bits, so they pile up in a table until it switches to its keyed hash. A keyed
/// hash that only re-mixes the hash code (<c>HashCode.Combine(key)</c>) then leaves them all in one bucket chain.
/// </summary>
/// <remarks>
/// The families of equal hash codes: a <see cref="long"/> hashes as its low word XOR its high word, so
/// <c>(a &lt;&lt; 32) | (a ^ c)</c> hashes as <c>c</c> for every <c>a</c>; a <see cref="DateTime"/> as its ticks do; a
/// <see cref="decimal"/> of scale 0 as <c>high ^ middle ^ low</c>; a record struct of two ints as
/// <c>first * -1521134295 + second</c>; a tuple by its items' hash codes.
/// </remarks>
internal static class CollidingNumbers
{
    /// <summary>The low bits of the stable hash that every key shares: one start bucket in any table of up to 4,096 buckets.</summary>
    public const int SharedBits = 12;

    private const int Mask = (1 << SharedBits) - 1;

    // What the compiler's GetHashCode of a record struct multiplies each member's hash by before adding the next.
    private const int RecordMultiplier = -1521134295;

    /// <summary>Distinct longs with one hash code whose stable hashes share their low <see cref="SharedBits"/> bits.</summary>
    public static List<long> Longs(int count, uint hashCode = 0x5EED)
    {
        var keys = new List<long>(count);
        int target = StableHash.Of(SameHashCode(0, hashCode)) & Mask;
        for (long a = 0; keys.Count < count; a++)
        {
            long key = SameHashCode(a, hashCode);
            if ((StableHash.Of(key) & Mask) == target)
            {
                keys.Add(key);
            }
        }

        return keys;
    }

    /// <summary>Distinct dates whose ticks are built as <see cref="Longs"/> builds longs (all far below the largest date's).</summary>
    public static List<DateTime> Dates(int count) => [.. Longs(count, hashCode: 0x1234).Select(ticks => new DateTime(ticks))];

    /// <summary>
    /// Distinct decimals of scale 0 with one hash code whose stable hashes (of the nearest double) share their low bits:
    /// large numbers that differ only below the double's precision, in groups of equal stable hash.
    /// </summary>
    public static List<decimal> Decimals(int count, uint hashCode = 0xC0FFEE)
    {
        const int High = 0x40000000;
        var keys = new List<decimal>(count);
        int target = -1;
        for (uint group = 0; keys.Count < count; group++)
        {
            // Decimals whose middle words share their top bits round to the same double: test a group once.
            uint first = group << 10;
            int hash = StableHash.Of(Make(first)) & Mask;
            if (target < 0)
            {
                target = hash;
            }

            if (hash != target)
            {
                continue;
            }

            for (uint middle = first; middle < first + 1024 && keys.Count < count; middle++)
            {
                decimal key = Make(middle);
                if ((StableHash.Of(key) & Mask) == target)
                {
                    keys.Add(key);
                }
            }
        }

        return keys;

        decimal Make(uint middle) => new((int)(middle ^ hashCode), (int)middle, High, isNegative: false, scale: 0);
    }

    /// <summary>
    /// Distinct pairs of ints whose record struct <c>(int, int)</c> has one hash code and whose stable hash (the
    /// generated <c>StableHash.Combine(Of(first), Of(second))</c>) shares its low bits.
    /// </summary>
    public static List<(int First, int Second)> IntPairs(int count, int hashCode = 77)
    {
        var keys = new List<(int, int)>(count);
        int target = -1;
        for (int first = 0; keys.Count < count; first++)
        {
            int second = unchecked(hashCode - (first * RecordMultiplier));
            int hash = StableHash.Combine(StableHash.Of(first), StableHash.Of(second)) & Mask;
            if (target < 0)
            {
                target = hash;
            }

            if (hash == target)
            {
                keys.Add((first, second));
            }
        }

        return keys;
    }

    /// <summary>Distinct tuples of longs whose items each have one hash code, with stable hashes sharing their low bits.</summary>
    public static List<(long, long)> LongPairs(int count)
    {
        var keys = new List<(long, long)>(count);
        int target = -1;
        long second = SameHashCode(12345, 0xBEEF);
        for (long a = 0; keys.Count < count; a++)
        {
            long first = SameHashCode(a, 0xFACE);
            int hash = StableHash.Combine(StableHash.Of(first), StableHash.Of(second)) & Mask;
            if (target < 0)
            {
                target = hash;
            }

            if (hash == target)
            {
                keys.Add((first, second));
            }
        }

        return keys;
    }

    /// <summary>Distinct random longs: the fair comparison.</summary>
    public static List<long> RandomLongs(int count, int seed = 3)
    {
        var random = new Random(seed);
        var keys = new HashSet<long>();
        while (keys.Count < count)
        {
            keys.Add(random.NextInt64());
        }

        return [.. keys];
    }

    // The long whose high word is a and whose low word is a ^ hashCode: its own hash code is hashCode.
    private static long SameHashCode(long a, uint hashCode) => (a << 32) | (uint)((uint)a ^ hashCode);
}
