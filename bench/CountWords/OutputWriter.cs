using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using MapReduceGen;

namespace CountWords;

/// <summary>
/// Sorts the counts (count descending, then word ascending by bytes, which is code point order) and writes
/// "word count" lines as UTF-8 bytes, working on the keys' UTF-8 as the result keeps them: no string per word.
/// </summary>
internal static class OutputWriter
{
    /// <summary>Every word in output order.</summary>
    public static Line[] SortByCount(MapReduceResult<string, int> counts)
    {
        var lines = new Line[counts.Count];
        int i = 0;
        foreach (Utf8ResultEntry<int> entry in counts.Utf8Entries())
        {
            lines[i++] = new Line(entry.Key, entry.Result);
        }

        RadixThenSort(lines);
        return lines;
    }

    /// <summary>
    /// Sorts the lines: one in-place radix pass (American flag) on the 16 highest bits in which their sort keys differ,
    /// then each bucket with the runtime's sort (Line is IComparable&lt;Line&gt;, so it calls CompareTo directly), the
    /// buckets shared among the processors. Small buckets stay in cache, which a sort of the whole array does not.
    /// </summary>
    private static void RadixThenSort(Line[] lines)
    {
        const int RadixBits = 16;
        if (lines.Length < 4096)
        {
            lines.AsSpan().Sort();
            return;
        }

        ulong differing = 0;
        ulong first = lines[0].High;
        foreach (ref readonly Line line in lines.AsSpan())
        {
            differing |= line.High ^ first;
        }

        if (differing == 0)
        {
            lines.AsSpan().Sort();
            return;
        }

        int shift = Math.Max(0, 63 - BitOperations.LeadingZeroCount(differing) - (RadixBits - 1));
        int[] starts = new int[(1 << RadixBits) + 1];
        foreach (ref readonly Line line in lines.AsSpan())
        {
            starts[Bucket(line, shift) + 1]++;
        }

        for (int b = 1; b < starts.Length; b++)
        {
            starts[b] += starts[b - 1];
        }

        int[] next = starts[..^1];
        for (int b = 0; b < next.Length; b++)
        {
            while (next[b] < starts[b + 1])
            {
                Line moving = lines[next[b]];
                int target = Bucket(moving, shift);
                while (target != b)
                {
                    (moving, lines[next[target]]) = (lines[next[target]], moving);
                    next[target]++;
                    target = Bucket(moving, shift);
                }

                lines[next[b]++] = moving;
            }
        }

        Parallel.For(0, Environment.ProcessorCount, worker =>
        {
            for (int b = worker; b < starts.Length - 1; b += Environment.ProcessorCount)
            {
                QuickSort(lines.AsSpan(starts[b], starts[b + 1] - starts[b]), 32);
            }
        });
    }

    // Quicksort (median of three, insertion sort below 24 entries) comparing entries in place; past `depth` levels the
    // runtime's sort takes over, so a bucket built to defeat the pivots is still n log n.
    private static void QuickSort(Span<Line> lines, int depth)
    {
        while (lines.Length > 24)
        {
            if (--depth == 0)
            {
                lines.Sort();
                return;
            }

            int last = lines.Length - 1;
            int middle = last / 2;
            SortPair(ref lines[0], ref lines[middle]);
            SortPair(ref lines[0], ref lines[last]);
            SortPair(ref lines[middle], ref lines[last]);
            Line pivot = lines[middle];
            int left = 0;
            int right = last;
            while (left <= right)
            {
                while (lines[left].CompareTo(pivot) < 0)
                {
                    left++;
                }

                while (pivot.CompareTo(lines[right]) < 0)
                {
                    right--;
                }

                if (left <= right)
                {
                    (lines[left], lines[right]) = (lines[right], lines[left]);
                    left++;
                    right--;
                }
            }

            // Recurse into the smaller side, loop on the larger.
            if (right + 1 < lines.Length - left)
            {
                QuickSort(lines[..(right + 1)], depth);
                lines = lines[left..];
            }
            else
            {
                QuickSort(lines[left..], depth);
                lines = lines[..(right + 1)];
            }
        }

        for (int i = 1; i < lines.Length; i++)
        {
            Line moving = lines[i];
            int j = i - 1;
            while (j >= 0 && moving.CompareTo(lines[j]) < 0)
            {
                lines[j + 1] = lines[j];
                j--;
            }

            lines[j + 1] = moving;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void SortPair(ref Line a, ref Line b)
    {
        if (b.CompareTo(a) < 0)
        {
            (a, b) = (b, a);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Bucket(in Line line, int shift) => (int)((line.High >> shift) & 0xFFFF);

    /// <summary>Writes "word count\n" for every line, through a 1 MiB buffer.</summary>
    public static void Write(Stream output, ReadOnlySpan<Line> sorted)
    {
        const int BufferSize = 1 << 20;
        byte[] buffer = GC.AllocateUninitializedArray<byte>(BufferSize);
        int at = 0;
        foreach (ref readonly Line line in sorted)
        {
            ReadOnlySpan<byte> word = line.Word.Span;
            if (at + word.Length + 12 > BufferSize)
            {
                output.Write(buffer, 0, at);
                at = 0;
                if (word.Length + 12 > BufferSize)
                {
                    output.Write(word);
                    word = default;
                }
            }

            word.CopyTo(buffer.AsSpan(at));
            at += word.Length;
            buffer[at++] = (byte)' ';
            line.Count.TryFormat(buffer.AsSpan(at), out int digits, default, CultureInfo.InvariantCulture);
            at += digits;
            buffer[at++] = (byte)'\n';
        }

        output.Write(buffer, 0, at);
        output.Flush();
    }

    /// <summary>Compares the result with an expected output file; returns what differs first, or null.</summary>
    public static string? Compare(ReadOnlySpan<Line> sorted, string expectedPath)
    {
        using var reader = new StreamReader(expectedPath);
        int index = 0;
        while (reader.ReadLine() is string expected)
        {
            if (expected.Length == 0)
            {
                continue;
            }

            if (index >= sorted.Length)
            {
                return $"line {index + 1}: expected '{expected}', got nothing";
            }

            string actual = string.Create(
                CultureInfo.InvariantCulture, $"{Encoding.UTF8.GetString(sorted[index].Word.Span)} {sorted[index].Count}");
            if (!string.Equals(actual, expected, StringComparison.Ordinal))
            {
                return $"line {index + 1}: expected '{expected}', got '{actual}'";
            }

            index++;
        }

        return index == sorted.Length ? null : $"{sorted.Length - index} more lines than expected";
    }

    /// <summary>
    /// A word and its count, with a sort key: the inverted count and the word's first four bytes (big-endian), then its
    /// next eight, so most comparisons are two integer compares and only words sharing twelve bytes compare their bytes.
    /// Ordered by count descending, then bytes ascending.
    /// </summary>
    [StructLayout(LayoutKind.Auto)]
    public readonly struct Line : IComparable<Line>
    {
        public readonly ulong High;
        public readonly ulong Low;
        public readonly ReadOnlyMemory<byte> Word;

        public Line(ReadOnlyMemory<byte> word, int count)
        {
            Word = word;
            Span<byte> first = stackalloc byte[12];
            first.Clear();
            ReadOnlySpan<byte> bytes = word.Span;
            bytes[..Math.Min(bytes.Length, 12)].CopyTo(first);
            High = ((ulong)~(uint)count << 32) | BinaryPrimitives.ReadUInt32BigEndian(first);
            Low = BinaryPrimitives.ReadUInt64BigEndian(first[4..]);
        }

        public int Count => (int)~(uint)(High >> 32);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int CompareTo(Line other) => CompareTo(in other);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int CompareTo(in Line other)
        {
            if (High != other.High)
            {
                return High < other.High ? -1 : 1;
            }

            if (Low != other.Low)
            {
                return Low < other.Low ? -1 : 1;
            }

            return Word.Span.SequenceCompareTo(other.Word.Span);
        }
    }
}
