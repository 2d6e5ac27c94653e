using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Microsoft.Win32.SafeHandles;

namespace CountWordsBaseline;

/// <summary>
/// The map phase: worker threads claim units of the file (one <see cref="Interlocked.Increment(ref int)"/> each),
/// read a unit with one positioned read (<see cref="RandomAccess.Read(SafeFileHandle, Span{byte}, long)"/>) into
/// their own buffer, and count its words into their own <see cref="WordTable"/>.
/// <para>
/// A unit owns the words that start in it: it reads one byte before its start (to know whether a word runs into it
/// from the previous unit, which it then skips) and reads past its end until the word in progress ends. So words
/// are never cut, and a unit that holds no white space at all owns nothing.
/// </para>
/// </summary>
internal sealed unsafe class Counter
{
    /// <summary>Bytes read past a unit's end at once to finish its last word (read again while no white space).</summary>
    private const int Overrun = 256;

    /// <summary>Readable and writable bytes after the data: the tokenizer works in 64-byte blocks and loads 8 bytes.</summary>
    private const int Padding = 192;

    private static readonly SearchValues<byte> s_whiteSpace = SearchValues.Create(" \t\n\v\f\r"u8);

    private readonly SafeFileHandle _file;
    private readonly long _dataStart;
    private readonly long _size;
    private readonly int _unit;
    private readonly int _units;
    private int _nextUnit;

    public Counter(SafeFileHandle file, long dataStart, long size, int unit)
    {
        _file = file;
        _dataStart = dataStart;
        _size = size;
        _unit = unit;
        _units = (int)((size - dataStart + unit - 1) / unit);
    }

    /// <summary>The number of units the file is cut into.</summary>
    public int Units => _units;

    /// <summary>Counts every word of the file with <paramref name="workers"/> threads; returns one table per thread.</summary>
    public WordTable[] Run(int workers)
    {
        var tables = new WordTable[workers];
        var threads = new Thread[workers - 1];
        for (int w = 1; w < workers; w++)
        {
            int index = w;
            threads[w - 1] = new Thread(() => tables[index] = Work(), 256 * 1024) { IsBackground = true };
            threads[w - 1].Start();
        }

        tables[0] = Work();
        foreach (Thread thread in threads)
        {
            thread.Join();
        }

        return tables;
    }

    /// <summary>The vector width the tokenizer uses (compiled in: Native AOT targets the SDK's default x64 level).</summary>
    public static int VectorBits => Vector512.IsHardwareAccelerated ? 512 : Vector256.IsHardwareAccelerated ? 256 : 128;

    /// <summary>True for the six ASCII white-space bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsSpace(byte b) => b == ' ' || (uint)(b - '\t') <= '\r' - '\t';

    /// <summary>
    /// Lower-cases <paramref name="data"/>[0, n) in place and counts its words. The byte before the data counts as
    /// white space, and so does everything from n on. Up to 127 bytes after n are read and overwritten (lower-cased):
    /// they must belong to the buffer.
    /// </summary>
    /// <remarks>
    /// The data goes by in 64-byte blocks, each turned into a bit mask of white space (and lower-cased) one block
    /// ahead. A word starts at every non-space bit whose previous bit is space; its length is the distance to the next
    /// space bit, found in the 64 bits from its start, taken from this block's mask and the next one's. So each word
    /// costs two bit scans and no branch but the loop's; a word of 64 bytes or more takes a slower path.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void CountWords(byte* data, int n, WordTable table)
    {
        ulong previousInWord = 0;
        ulong next = SpacesAt(data, 0, n);
        for (int block = 0; block < n; block += 64)
        {
            ulong space = next;
            next = SpacesAt(data, block + 64, n);
            ulong word = ~space;
            ulong starts = word & ~((word << 1) | previousInWord);
            previousInWord = word >> 63;
            while (starts != 0)
            {
                int t = BitOperations.TrailingZeroCount(starts);
                starts &= starts - 1;
                ulong ahead = (space >> t) | (next << (63 - t) << 1);
                int length = ahead != 0 ? BitOperations.TrailingZeroCount(ahead) : LongWordLength(data, block + t, n);
                table.Add(data + block + t, length);
            }
        }
    }

    // The white-space mask of the 64 bytes at data + at, lower-casing them; bytes from n on count as white space.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong SpacesAt(byte* data, int at, int n)
    {
        if (at >= n)
        {
            return ~0UL;
        }

        ulong space = LowerAndFindSpaces(data + at);
        int left = n - at;
        return left < 64 ? space | (~0UL << left) : space;
    }

    // A word of 64 bytes or more starting at data + start: its length, from the first white space after the block it
    // starts in (lower-casing the blocks on the way; the block loop does the same to them again later).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int LongWordLength(byte* data, int start, int n)
    {
        int at = (start & ~63) + 64;
        while (true)
        {
            ulong space = SpacesAt(data, at, n);
            if (space != 0)
            {
                return at + BitOperations.TrailingZeroCount(space) - start;
            }

            at += 64;
        }
    }

    /// <summary>Lower-cases A-Z in 64 bytes in place; returns a bit per byte, set for white space.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong LowerAndFindSpaces(byte* p)
    {
        if (Vector512.IsHardwareAccelerated)
        {
            Vector512<byte> v = Vector512.Load(p);
            Vector512<byte> space = Vector512.Equals(v, Vector512.Create((byte)' '))
                | Vector512.LessThan(v - Vector512.Create((byte)'\t'), Vector512.Create((byte)5));
            Vector512<byte> upper = Vector512.LessThan(v - Vector512.Create((byte)'A'), Vector512.Create((byte)26));
            (v | (upper & Vector512.Create((byte)0x20))).Store(p);
            return space.ExtractMostSignificantBits();
        }

        if (Vector256.IsHardwareAccelerated)
        {
            return Lower32(p) | ((ulong)Lower32(p + 32) << 32);
        }

        return Lower16(p) | ((ulong)Lower16(p + 16) << 16) | ((ulong)Lower16(p + 32) << 32) | ((ulong)Lower16(p + 48) << 48);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Lower32(byte* p)
    {
        Vector256<byte> v = Vector256.Load(p);
        Vector256<byte> space = Vector256.Equals(v, Vector256.Create((byte)' '))
            | Vector256.LessThan(v - Vector256.Create((byte)'\t'), Vector256.Create((byte)5));
        Vector256<byte> upper = Vector256.LessThan(v - Vector256.Create((byte)'A'), Vector256.Create((byte)26));
        (v | (upper & Vector256.Create((byte)0x20))).Store(p);
        return space.ExtractMostSignificantBits();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Lower16(byte* p)
    {
        Vector128<byte> v = Vector128.Load(p);
        Vector128<byte> space = Vector128.Equals(v, Vector128.Create((byte)' '))
            | Vector128.LessThan(v - Vector128.Create((byte)'\t'), Vector128.Create((byte)5));
        Vector128<byte> upper = Vector128.LessThan(v - Vector128.Create((byte)'A'), Vector128.Create((byte)26));
        (v | (upper & Vector128.Create((byte)0x20))).Store(p);
        return space.ExtractMostSignificantBits();
    }

    private WordTable Work()
    {
        var table = new WordTable();
        int capacity = _unit + 1 + Overrun;
        byte* buffer = (byte*)NativeMemory.AlignedAlloc((nuint)(capacity + Padding), 64);
        try
        {
            while (true)
            {
                int unit = Interlocked.Increment(ref _nextUnit) - 1;
                if (unit >= _units)
                {
                    return table;
                }

                long unitStart = _dataStart + (long)unit * _unit;
                long unitEnd = Math.Min(unitStart + _unit, _size);
                CountUnit(unit == 0, unitStart, unitEnd, ref buffer, ref capacity, table);
            }
        }
        finally
        {
            NativeMemory.AlignedFree(buffer);
        }
    }

    private void CountUnit(bool first, long unitStart, long unitEnd, ref byte* buffer, ref int capacity, WordTable table)
    {
        long readFrom = first ? unitStart : unitStart - 1;
        int filled = Read(buffer, 0, readFrom, (int)(Math.Min(unitEnd + Overrun, _size) - readFrom));
        int unitLength = (int)(unitEnd - readFrom);

        // Skip a word that started in the previous unit.
        int begin = 0;
        if (!first)
        {
            begin = 1;
            if (!IsSpace(buffer[0]))
            {
                int space = new ReadOnlySpan<byte>(buffer + 1, unitLength - 1).IndexOfAny(s_whiteSpace);
                if (space < 0)
                {
                    return;
                }

                begin = 1 + space;
            }
        }

        // Finish the word in progress at the unit's end.
        int end = unitLength;
        while (readFrom + end < _size && !IsSpace(buffer[unitLength - 1]))
        {
            int space = new ReadOnlySpan<byte>(buffer + end, filled - end).IndexOfAny(s_whiteSpace);
            if (space >= 0)
            {
                end += space;
                break;
            }

            end = filled;
            if (readFrom + filled >= _size)
            {
                break;
            }

            if (filled + Overrun > capacity)
            {
                int grown = checked(capacity * 2);
                buffer = (byte*)NativeMemory.AlignedRealloc(buffer, (nuint)(grown + Padding), 64);
                capacity = grown;
            }

            filled += Read(buffer, filled, readFrom + filled, (int)Math.Min(Overrun, _size - readFrom - filled));
        }

        CountWords(buffer + begin, end - begin, table);
    }

    private int Read(byte* buffer, int at, long offset, int count)
    {
        int total = 0;
        while (total < count)
        {
            int read = RandomAccess.Read(_file, new Span<byte>(buffer + at + total, count - total), offset + total);
            if (read == 0)
            {
                throw new IOException("the file became shorter while it was read");
            }

            total += read;
        }

        return total;
    }
}
