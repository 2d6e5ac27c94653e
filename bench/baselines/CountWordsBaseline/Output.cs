using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace CountWordsBaseline;

/// <summary>
/// Sorts the words (count descending, then bytewise) and writes "word count\n" lines as UTF-8 bytes.
/// <para>
/// Each entry carries a 128-bit sort key: the inverted count and the first 12 bytes of the word, zero-padded,
/// big-endian, so nearly every comparison is two integer compares; equal keys fall back to comparing the words' bytes
/// (which also orders a word before its extensions). The entries are first distributed in place on the 16 most
/// significant bits in which their keys differ (one American-flag radix pass), then each bucket is sorted by an
/// introsort specialised for the entry (no comparer calls). A word of up to 12 bytes is written from its sort key,
/// without going back to the table.
/// </para>
/// </summary>
internal static unsafe class Output
{
    private const int BufferSize = 1 << 20;
    private const int RadixBits = 16;

    /// <summary>Every word of <paramref name="table"/>, sorted, the buckets shared among <paramref name="workers"/> threads.</summary>
    public static Sorted Sort(WordTable table, int workers)
    {
        var sorted = new Sorted(table.Count);
        table.GetEntries(sorted.Entries);
        RadixThenIntroSort(sorted.Entries, sorted.Count, new Sorter(table), workers);
        return sorted;
    }

    /// <summary>Writes the sorted entries to <paramref name="stream"/>.</summary>
    public static void Write(Stream stream, WordTable table, Sorted sorted)
    {
        Entry* entries = sorted.Entries;
        int n = sorted.Count;
        byte[] buffer = GC.AllocateUninitializedArray<byte>(BufferSize + 64);
        fixed (byte* start = buffer)
        {
            byte* at = start;
            byte* limit = start + BufferSize;
            for (Entry* e = entries; e < entries + n; e++)
            {
                ref readonly Entry entry = ref *e;
                int length = entry.Length;
                if (at + length > limit)
                {
                    stream.Write(new ReadOnlySpan<byte>(start, (int)(at - start)));
                    at = start;
                }

                if (length <= 12)
                {
                    // The word is in the sort key (big-endian, zero-padded): store it back and keep its length.
                    *(uint*)at = BinaryPrimitives.ReverseEndianness((uint)entry.High);
                    *(ulong*)(at + 4) = BinaryPrimitives.ReverseEndianness(entry.Low);
                    at += length;
                }
                else if (length <= BufferSize)
                {
                    table.KeyOf(entry).CopyTo(new Span<byte>(at, length));
                    at += length;
                }
                else
                {
                    stream.Write(table.KeyOf(entry));
                }

                *at++ = (byte)' ';
                at += FormatCount(~(uint)(entry.High >> 32), at);
                *at++ = (byte)'\n';
            }

            stream.Write(new ReadOnlySpan<byte>(start, (int)(at - start)));
        }

        stream.Flush();
    }

    // Decimal digits of a count (at most 10), written at p; returns their number.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int FormatCount(uint value, byte* p)
    {
        int digits = value < 10 ? 1 : value < 100 ? 2 : value < 1000 ? 3 : value < 10000 ? 4 : value < 100000 ? 5
            : value < 1000000 ? 6 : value < 10000000 ? 7 : value < 100000000 ? 8 : value < 1000000000 ? 9 : 10;
        byte* q = p + digits;
        do
        {
            uint next = value / 10;
            *--q = (byte)('0' + (value - (next * 10)));
            value = next;
        }
        while (value != 0);
        return digits;
    }

    // One in-place radix pass on the 16 most significant bits in which the keys differ, then an introsort per bucket.
    private static void RadixThenIntroSort(Entry* keys, int n, Sorter sorter, int workers)
    {
        if (n < 1024)
        {
            sorter.IntroSort(keys, 0, n - 1);
            return;
        }

        ulong high = 0;
        ulong low = 0;
        for (int i = 1; i < n; i++)
        {
            high |= keys[i].High ^ keys[0].High;
            low |= keys[i].Low ^ keys[0].Low;
        }

        bool useHigh = high != 0;
        ulong differing = useHigh ? high : low;
        if (differing == 0)
        {
            sorter.IntroSort(keys, 0, n - 1);
            return;
        }

        int shift = Math.Max(0, 63 - BitOperations.LeadingZeroCount(differing) - (RadixBits - 1));
        const uint Mask = (1u << RadixBits) - 1;
        int[] counts = new int[1 << RadixBits];
        for (int i = 0; i < n; i++)
        {
            counts[(int)(((useHigh ? keys[i].High : keys[i].Low) >> shift) & Mask)]++;
        }

        int[] next = new int[1 << RadixBits];
        int[] end = new int[1 << RadixBits];
        int sum = 0;
        for (int b = 0; b < counts.Length; b++)
        {
            next[b] = sum;
            sum += counts[b];
            end[b] = sum;
        }

        // American flag sort: move every entry to its bucket with cycles of swaps.
        for (int b = 0; b < counts.Length; b++)
        {
            while (next[b] < end[b])
            {
                Entry e = keys[next[b]];
                int d = (int)(((useHigh ? e.High : e.Low) >> shift) & Mask);
                while (d != b)
                {
                    Entry displaced = keys[next[d]];
                    keys[next[d]++] = e;
                    e = displaced;
                    d = (int)(((useHigh ? e.High : e.Low) >> shift) & Mask);
                }

                keys[next[b]++] = e;
            }
        }

        // Sort the buckets; with several workers, each thread takes a run of buckets holding about n / workers entries.
        workers = n < 1 << 14 ? 1 : workers;
        var threads = new Thread[workers - 1];
        int bucket = 0;
        for (int w = 0; w < workers; w++)
        {
            int firstBucket = bucket;
            long target = (long)n * (w + 1) / workers;
            while (bucket < counts.Length && (w == workers - 1 || next[bucket] <= target))
            {
                bucket++;
            }

            int lastBucket = bucket;
            if (w < workers - 1)
            {
                threads[w] = new Thread(() => SortBuckets(keys, counts, end, firstBucket, lastBucket, sorter), 256 * 1024);
                threads[w].Start();
            }
            else
            {
                SortBuckets(keys, counts, end, firstBucket, lastBucket, sorter);
            }
        }

        foreach (Thread thread in threads)
        {
            thread.Join();
        }
    }

    private static void SortBuckets(Entry* keys, int[] counts, int[] end, int firstBucket, int lastBucket, Sorter sorter)
    {
        for (int b = firstBucket; b < lastBucket; b++)
        {
            if (counts[b] > 1)
            {
                sorter.IntroSort(keys, end[b] - counts[b], end[b] - 1);
            }
        }
    }

    /// <summary>The sorted entries, in native memory.</summary>
    public sealed class Sorted : IDisposable
    {
        public Sorted(int count)
        {
            Count = count;
            Entries = (Entry*)LargeMemory.Allocate((nuint)Math.Max(count, 1) * (nuint)sizeof(Entry), zero: false);
        }

        ~Sorted() => Free();

        public int Count { get; }

        public Entry* Entries { get; private set; }

        public void Dispose()
        {
            Free();
            GC.SuppressFinalize(this);
        }

        private void Free()
        {
            if (Entries != null)
            {
                LargeMemory.Free(Entries);
                Entries = null;
            }
        }
    }

    /// <summary>A word to sort: its 128-bit sort key, where the table keeps it, and its length.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct Entry
    {
        /// <summary>The inverted count (high 32 bits), then the word's first 4 bytes, big-endian.</summary>
        public ulong High;

        /// <summary>The word's bytes 4 to 11, zero-padded, big-endian.</summary>
        public ulong Low;

        /// <summary>The word's slot (up to 7 bytes) or arena entry (longer).</summary>
        public uint Ref;

        /// <summary>The word's length in bytes.</summary>
        public int Length;
    }

    /// <summary>Introsort (as in .NET's ArraySortHelper) over entries, comparing keys inline.</summary>
    private readonly struct Sorter(WordTable table)
    {
        public void IntroSort(Entry* keys, int lo, int hi) =>
            IntroSort(keys, lo, hi, 2 * (BitOperations.Log2((uint)Math.Max(hi - lo + 1, 1)) + 1));

        private void IntroSort(Entry* keys, int lo, int hi, int depthLimit)
        {
            while (hi > lo)
            {
                int size = hi - lo + 1;
                if (size <= 16)
                {
                    InsertionSort(keys, lo, hi);
                    return;
                }

                if (depthLimit == 0)
                {
                    HeapSort(keys, lo, hi);
                    return;
                }

                depthLimit--;
                int p = Partition(keys, lo, hi);
                IntroSort(keys, p + 1, hi, depthLimit);
                hi = p - 1;
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private bool Less(in Entry a, in Entry b)
        {
            if (a.High != b.High)
            {
                return a.High < b.High;
            }

            if (a.Low != b.Low)
            {
                return a.Low < b.Low;
            }

            return LessByBytes(a, b);
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private bool LessByBytes(in Entry a, in Entry b) =>
            table.KeyOf(a).SequenceCompareTo(table.KeyOf(b)) < 0;

        private void SwapIfGreater(Entry* keys, int i, int j)
        {
            if (Less(keys[j], keys[i]))
            {
                (keys[i], keys[j]) = (keys[j], keys[i]);
            }
        }

        private int Partition(Entry* keys, int lo, int hi)
        {
            int middle = lo + ((hi - lo) >> 1);
            SwapIfGreater(keys, lo, middle);
            SwapIfGreater(keys, lo, hi);
            SwapIfGreater(keys, middle, hi);
            Entry pivot = keys[middle];
            (keys[middle], keys[hi - 1]) = (keys[hi - 1], keys[middle]);
            int left = lo;
            int right = hi - 1;
            while (left < right)
            {
                while (Less(keys[++left], pivot))
                {
                }

                while (Less(pivot, keys[--right]))
                {
                }

                if (left >= right)
                {
                    break;
                }

                (keys[left], keys[right]) = (keys[right], keys[left]);
            }

            if (left != hi - 1)
            {
                (keys[left], keys[hi - 1]) = (keys[hi - 1], keys[left]);
            }

            return left;
        }

        private void InsertionSort(Entry* keys, int lo, int hi)
        {
            for (int i = lo; i < hi; i++)
            {
                int j = i;
                Entry t = keys[i + 1];
                while (j >= lo && Less(t, keys[j]))
                {
                    keys[j + 1] = keys[j];
                    j--;
                }

                keys[j + 1] = t;
            }
        }

        private void HeapSort(Entry* keys, int lo, int hi)
        {
            int n = hi - lo + 1;
            for (int i = n >> 1; i >= 1; i--)
            {
                DownHeap(keys, i, n, lo);
            }

            for (int i = n; i > 1; i--)
            {
                (keys[lo], keys[lo + i - 1]) = (keys[lo + i - 1], keys[lo]);
                DownHeap(keys, 1, i - 1, lo);
            }
        }

        private void DownHeap(Entry* keys, int i, int n, int lo)
        {
            Entry d = keys[lo + i - 1];
            while (i <= n >> 1)
            {
                int child = 2 * i;
                if (child < n && Less(keys[lo + child - 1], keys[lo + child]))
                {
                    child++;
                }

                if (!Less(d, keys[lo + child - 1]))
                {
                    break;
                }

                keys[lo + i - 1] = keys[lo + child - 1];
                i = child;
            }

            keys[lo + i - 1] = d;
        }
    }
}
