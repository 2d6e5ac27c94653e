using System.Text;
using MapReduceGen.Engine;

namespace MapReduceGen.Runtime.Tests.Flooding;

/// <summary>
/// Builds keys that collide under the engine's stable hash, as an attacker would: the hash of a short key is a chain of
/// invertible steps, so picking outputs that share their low 32 bits and running the steps backwards gives inputs with
/// the same 32-bit hash. Kept are the 8-byte ones made only of printable ASCII other than space.
/// </summary>
internal static class CollidingKeys
{
    // StableHash's constants (its path for keys of up to eight bytes).
    private const ulong Seed = 0x9E3779B97F4A7C15UL;
    private const ulong Multiplier = 0xBF58476D1CE4E5B9UL;
    private const ulong LengthMultiplier = 0x94D049BB133111EBUL;

    /// <summary>Distinct 8-character words that all have the same <see cref="StableHash.OfUtf8(ReadOnlySpan{byte})"/>.</summary>
    public static List<string> Words(int count, int seed = 1)
    {
        var random = new Random(seed);
        ulong multiplierInverse = Inverse(Multiplier);
        ulong lengthInverse = Inverse(LengthMultiplier);
        uint target = (uint)random.Next();
        var words = new HashSet<string>(StringComparer.Ordinal);
        Span<byte> bytes = stackalloc byte[8];
        while (words.Count < count)
        {
            ulong output = ((ulong)random.NextInt64() << 32) | target;

            // The short-key hash, backwards: h = (prefix ^ Seed ^ length << 59) * M; h ^= h >> 32; h *= L;
            // result = h ^ h >> 32 (each step undone in turn; a 32-bit xorshift is its own inverse).
            ulong h = output ^ (output >> 32);
            h *= lengthInverse;
            h ^= h >> 32;
            ulong prefix = (h * multiplierInverse) ^ Seed ^ (8UL << 59);

            BitConverter.TryWriteBytes(bytes, prefix);
            if (IsPrintableWord(bytes))
            {
                words.Add(Encoding.ASCII.GetString(bytes));
            }
        }

        return [.. words];
    }

    /// <summary>Distinct 8-character words of the same alphabet with unrelated hashes: the fair comparison.</summary>
    public static List<string> RandomWords(int count, int seed = 2)
    {
        var random = new Random(seed);
        var words = new HashSet<string>(StringComparer.Ordinal);
        var chars = new char[8];
        while (words.Count < count)
        {
            for (int i = 0; i < chars.Length; i++)
            {
                chars[i] = (char)random.Next(0x21, 0x7F);
            }

            words.Add(new string(chars));
        }

        return [.. words];
    }

    private static bool IsPrintableWord(ReadOnlySpan<byte> bytes)
    {
        foreach (byte b in bytes)
        {
            if (b is < 0x21 or > 0x7E)
            {
                return false;
            }
        }

        return true;
    }

    // The inverse of an odd number modulo 2^64 (Newton's iteration doubles the correct bits each step).
    private static ulong Inverse(ulong odd)
    {
        ulong inverse = odd;
        for (int i = 0; i < 6; i++)
        {
            inverse *= 2 - (odd * inverse);
        }

        return inverse;
    }
}
