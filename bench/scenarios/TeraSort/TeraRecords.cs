using System.Buffers;
using System.Globalization;
using System.IO.Hashing;

namespace TeraSort;

/// <summary>
/// The records of the sort benchmarks in their ASCII form, laid out as <c>gensort -a</c> (version 1.5) writes them: 100
/// bytes, a line each.
/// <list type="table">
/// <item><term>0-9</term><description>the key: 10 printable ASCII characters, <c>' '</c> to <c>'~'</c> (95 values), from
/// random bits (8 from the high 64 bits of the record's random number, 2 from the low 64)</description></item>
/// <item><term>10-11</term><description>two spaces</description></item>
/// <item><term>12-43</term><description>the record's number (its row id, from 0), 32 upper-case hexadecimal digits</description></item>
/// <item><term>44-45</term><description>two spaces</description></item>
/// <item><term>46-97</term><description>filler: the low 52 bits of the random number's low half as 13 hexadecimal digits,
/// each written four times</description></item>
/// <item><term>98-99</term><description><c>"\r\n"</c></description></item>
/// </list>
/// The random numbers are this generator's own (SplitMix64 of the seed and the record's number, so any range of records
/// can be made alone), not gensort's 128-bit congruential generator: the layout is gensort's, the keys are not its keys.
/// </summary>
public static class TeraRecord
{
    /// <summary>The bytes of a record, its line end included.</summary>
    public const int Length = 100;

    /// <summary>The bytes of a record's key.</summary>
    public const int KeyLength = 10;

    /// <summary>The bytes of a record as a line: without its <c>"\r\n"</c>.</summary>
    public const int LineLength = Length - 2;

    /// <summary>The seed of <c>terasort gen</c> unless told otherwise.</summary>
    public const ulong DefaultSeed = 0x7E4A_5047_2009_0001;

    private const ulong Golden = 0x9E37_79B9_7F4A_7C15;

    /// <summary>Writes record number <paramref name="number"/> of the sequence <paramref name="seed"/> makes.</summary>
    /// <param name="record">100 bytes.</param>
    /// <param name="number">The record's number (row id).</param>
    /// <param name="seed">The sequence's seed.</param>
    public static void Write(Span<byte> record, ulong number, ulong seed)
    {
        record = record[..Length];
        ulong high = Mix(seed + ((2 * number) + 1) * Golden);
        ulong low = Mix(seed + ((2 * number) + 2) * Golden);

        ulong bits = high;
        for (int i = 0; i < 8; i++)
        {
            record[i] = (byte)(' ' + (bits % 95));
            bits /= 95;
        }

        bits = low;
        record[8] = (byte)(' ' + (bits % 95));
        bits /= 95;
        record[9] = (byte)(' ' + (bits % 95));

        record[10] = (byte)' ';
        record[11] = (byte)' ';
        for (int i = 0; i < 16; i++)
        {
            record[12 + i] = (byte)'0'; // the high 64 bits of a 128-bit row id
            record[28 + i] = Hex((int)(number >> (60 - (4 * i))) & 0xF);
        }

        record[44] = (byte)' ';
        record[45] = (byte)' ';
        for (int i = 0; i < 13; i++)
        {
            byte digit = Hex((int)(low >> (48 - (4 * i))) & 0xF);
            record.Slice(46 + (4 * i), 4).Fill(digit);
        }

        record[98] = (byte)'\r';
        record[99] = (byte)'\n';
    }

    /// <summary>
    /// Writes records <paramref name="first"/> to <paramref name="first"/> + <paramref name="count"/> - 1 to a stream, a
    /// megabyte at a time.
    /// </summary>
    public static void Generate(Stream output, long first, long count, ulong seed = DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentOutOfRangeException.ThrowIfNegative(first);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        const int RecordsPerBlock = 10_000;
        byte[] block = ArrayPool<byte>.Shared.Rent(RecordsPerBlock * Length);
        try
        {
            long next = first;
            long end = first + count;
            while (next < end)
            {
                int records = (int)Math.Min(RecordsPerBlock, end - next);
                for (int i = 0; i < records; i++)
                {
                    Write(block.AsSpan(i * Length, Length), (ulong)(next + i), seed);
                }

                output.Write(block, 0, records * Length);
                next += records;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(block);
        }
    }

    /// <summary>Writes <paramref name="count"/> records, from number 0, to a new file.</summary>
    public static void Generate(string path, long count, ulong seed = DefaultSeed)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        Generate(file, 0, count, seed);
    }

    /// <summary>The 64-bit hash of one record (its bytes as a line, without the line end) that checksums add up.</summary>
    public static ulong Hash(ReadOnlySpan<byte> line) => XxHash64.HashToUInt64(line);

    /// <summary>The key of a record as a line: its first 10 bytes (all of a shorter line).</summary>
    public static ReadOnlySpan<byte> KeyOf(ReadOnlySpan<byte> line) => line[..Math.Min(line.Length, KeyLength)];

    private static byte Hex(int digit) => (byte)(digit < 10 ? '0' + digit : 'A' + digit - 10);

    // SplitMix64's finaliser.
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58_476D_1CE4_E5B9;
        z = (z ^ (z >> 27)) * 0x94D0_49BB_1331_11EB;
        return z ^ (z >> 31);
    }
}

/// <summary>The number of records of a file or an output, and the sum of their hashes (which ignores their order).</summary>
/// <param name="Records">The records (lines).</param>
/// <param name="Checksum">The sum, modulo 2^64, of every record's <see cref="TeraRecord.Hash"/>.</param>
public readonly record struct TeraSummary(long Records, ulong Checksum)
{
    /// <inheritdoc/>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Records:N0} records, checksum {Checksum:x16}");
}

/// <summary>What <see cref="TeraValidate"/> found: whether the output is right, and one line saying so or naming the first fault.</summary>
/// <param name="Ok">The output is globally sorted and holds the input's records.</param>
/// <param name="Message">One line: <c>OK: ...</c>, or the first record out of order, or the mismatch.</param>
/// <param name="Output">The output's records and checksum (those read before the first record out of order).</param>
public sealed record TeraValidation(bool Ok, string Message, TeraSummary Output);

/// <summary>
/// Checks a sort's output as Hadoop's TeraValidate does: the part files (<c>part-NNNNN.tsv</c> of a directory that
/// <c>RunToFilesAsync</c> committed with <c>_SUCCESS</c>) read in partition order, every record's key no less than the
/// one before it, across files too (ordinal, byte by byte); then the output's record count and checksum (the sum of a
/// 64-bit hash of every record, so the order does not matter) against the input's. A record of the output is its TSV
/// line unescaped (<c>\\</c>, <c>\t</c>, <c>\n</c>, <c>\r</c>): a key may hold a backslash.
/// </summary>
public static class TeraValidate
{
    /// <summary>Counts and checksums the records (lines) of an input file.</summary>
    public static TeraSummary Summarize(string path)
    {
        long records = 0;
        ulong checksum = 0;
        using var reader = new LineReader(path);
        while (reader.TryRead(out ReadOnlySpan<byte> line))
        {
            records++;
            checksum += TeraRecord.Hash(line);
        }

        return new TeraSummary(records, checksum);
    }

    /// <summary>The part files of an output directory in partition order.</summary>
    /// <exception cref="IOException">The directory has no <c>_SUCCESS</c>: the run that wrote it did not complete.</exception>
    public static IReadOnlyList<string> PartFiles(string directory)
    {
        if (!File.Exists(Path.Combine(directory, "_SUCCESS")))
        {
            throw new IOException($"{directory} has no _SUCCESS: the sort that writes it did not complete.");
        }

        return [.. Directory.EnumerateFiles(directory, "part-*.tsv").OrderBy(PartitionOf)];
    }

    /// <summary>Validates the output in <paramref name="directory"/> against the input file <paramref name="input"/>.</summary>
    public static TeraValidation Validate(string input, string directory) => Validate(Summarize(input), directory);

    /// <summary>Validates the output in <paramref name="directory"/> against the input's summary.</summary>
    public static TeraValidation Validate(TeraSummary input, string directory)
    {
        IReadOnlyList<string> parts = PartFiles(directory);
        long records = 0;
        ulong checksum = 0;
        byte[] previous = new byte[TeraRecord.KeyLength];
        int previousLength = -1;
        string previousFile = "";
        byte[] unescaped = new byte[256];
        foreach (string part in parts)
        {
            using var reader = new LineReader(part);
            long lineNumber = 0;
            while (reader.TryRead(out ReadOnlySpan<byte> line))
            {
                lineNumber++;
                ReadOnlySpan<byte> record = line.Contains((byte)'\\') ? Unescape(line, ref unescaped) : line;
                ReadOnlySpan<byte> key = TeraRecord.KeyOf(record);
                if (previousLength >= 0 && key.SequenceCompareTo(previous.AsSpan(0, previousLength)) < 0)
                {
                    string where = previousFile == part ? "" : $" (the last key of {Path.GetFileName(previousFile)})";
                    return new TeraValidation(
                        false,
                        string.Create(
                            CultureInfo.InvariantCulture,
                            $"out of order: {Path.GetFileName(part)} line {lineNumber} (record {records + 1:N0} of the output) has key '{Text(key)}' after '{Text(previous.AsSpan(0, previousLength))}'{where}"),
                        new TeraSummary(records, checksum));
                }

                key.CopyTo(previous);
                previousLength = key.Length;
                previousFile = part;
                records++;
                checksum += TeraRecord.Hash(record);
            }
        }

        var output = new TeraSummary(records, checksum);
        if (records != input.Records)
        {
            return new TeraValidation(
                false,
                string.Create(CultureInfo.InvariantCulture, $"record count differs: the output has {records:N0} records in {parts.Count} files, the input {input.Records:N0}"),
                output);
        }

        if (checksum != input.Checksum)
        {
            return new TeraValidation(
                false,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"checksum differs: the output's {checksum:x16}, the input's {input.Checksum:x16} ({records:N0} records each: some were changed, or lost and others duplicated)"),
                output);
        }

        return new TeraValidation(
            true,
            string.Create(CultureInfo.InvariantCulture, $"OK: {records:N0} records in {parts.Count} files, globally sorted, checksum {checksum:x16} as the input's"),
            output);
    }

    private static int PartitionOf(string path)
    {
        string name = Path.GetFileNameWithoutExtension(path);
        return int.TryParse(name.AsSpan("part-".Length), NumberStyles.None, CultureInfo.InvariantCulture, out int partition) ? partition : int.MaxValue;
    }

    // A TSV field as the engine writes it: \\, \t, \n and \r stand for the character.
    private static ReadOnlySpan<byte> Unescape(ReadOnlySpan<byte> line, ref byte[] buffer)
    {
        if (buffer.Length < line.Length)
        {
            buffer = new byte[line.Length * 2];
        }

        int length = 0;
        for (int i = 0; i < line.Length; i++)
        {
            byte b = line[i];
            if (b == '\\' && i + 1 < line.Length)
            {
                i++;
                b = line[i] switch
                {
                    (byte)'t' => (byte)'\t',
                    (byte)'n' => (byte)'\n',
                    (byte)'r' => (byte)'\r',
                    byte other => other,
                };
            }

            buffer[length++] = b;
        }

        return buffer.AsSpan(0, length);
    }

    private static string Text(ReadOnlySpan<byte> key) => System.Text.Encoding.ASCII.GetString(key);

    /// <summary>The lines of a file, a megabyte at a time: each without its <c>"\n"</c> or <c>"\r\n"</c>.</summary>
    private sealed class LineReader(string path) : IDisposable
    {
        private readonly FileStream _file = new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        private byte[] _buffer = new byte[1 << 20];
        private int _start;
        private int _end;
        private bool _done;

        public bool TryRead(out ReadOnlySpan<byte> line)
        {
            while (true)
            {
                int newline = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
                if (newline >= 0)
                {
                    line = Trim(_buffer.AsSpan(_start, newline));
                    _start += newline + 1;
                    return true;
                }

                if (_done)
                {
                    line = Trim(_buffer.AsSpan(_start, _end - _start));
                    bool any = _end > _start;
                    _start = _end;
                    return any;
                }

                Fill();
            }
        }

        public void Dispose() => _file.Dispose();

        private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> line) => line.Length > 0 && line[^1] == '\r' ? line[..^1] : line;

        private void Fill()
        {
            int kept = _end - _start;
            if (kept == _buffer.Length)
            {
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }

            _buffer.AsSpan(_start, kept).CopyTo(_buffer);
            _start = 0;
            _end = kept;
            int read = _file.Read(_buffer, _end, _buffer.Length - _end);
            _done = read == 0;
            _end += read;
        }
    }
}
