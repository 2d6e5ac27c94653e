using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Unicode;

namespace MapReduceGen.Engine.Keys;

/// <summary>
/// The conversions between string keys and their stored UTF-8 form (<see cref="Utf8Key"/>): characters to bytes (a
/// lone surrogate as WTF-8, so distinct strings stay distinct), bytes from a mapper to well-formed bytes (invalid
/// sequences become U+FFFD, as <see cref="Encoding.UTF8"/> decodes them), bytes back to a string, and the orders of
/// stored keys.
/// </summary>
internal static class Utf8Text
{
    /// <summary>The most bytes <paramref name="chars"/> characters can take.</summary>
    public static int MaxEncodedLength(int chars) => checked(chars * 3);

    /// <summary>Encodes characters as UTF-8, a lone surrogate as its three-byte WTF-8 form; returns the bytes written.</summary>
    /// <param name="chars">The characters.</param>
    /// <param name="destination">At least <see cref="MaxEncodedLength"/> bytes.</param>
    public static int Encode(ReadOnlySpan<char> chars, Span<byte> destination) => Encode(chars, destination, out _);

    /// <summary>Encodes as <see cref="Encode(ReadOnlySpan{char}, Span{byte})"/>, telling whether a lone surrogate was met.</summary>
    public static int Encode(ReadOnlySpan<char> chars, Span<byte> destination, out bool loneSurrogates)
    {
        OperationStatus status = Utf8.FromUtf16(chars, destination, out int read, out int written, replaceInvalidSequences: false);
        loneSurrogates = status != OperationStatus.Done;
        if (!loneSurrogates)
        {
            return written;
        }

        // Lone surrogates: encode the rest by hand.
        return written + EncodeWtf8(chars[read..], destination[written..]);
    }

    private static int EncodeWtf8(ReadOnlySpan<char> chars, Span<byte> destination)
    {
        int written = 0;
        for (int i = 0; i < chars.Length; i++)
        {
            int c = chars[i];
            if (char.IsHighSurrogate((char)c) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                int scalar = char.ConvertToUtf32((char)c, chars[i + 1]);
                i++;
                destination[written++] = (byte)(0xF0 | (scalar >> 18));
                destination[written++] = (byte)(0x80 | ((scalar >> 12) & 0x3F));
                destination[written++] = (byte)(0x80 | ((scalar >> 6) & 0x3F));
                destination[written++] = (byte)(0x80 | (scalar & 0x3F));
            }
            else if (c < 0x80)
            {
                destination[written++] = (byte)c;
            }
            else if (c < 0x800)
            {
                destination[written++] = (byte)(0xC0 | (c >> 6));
                destination[written++] = (byte)(0x80 | (c & 0x3F));
            }
            else
            {
                // Every other BMP code unit, a lone surrogate included.
                destination[written++] = (byte)(0xE0 | (c >> 12));
                destination[written++] = (byte)(0x80 | ((c >> 6) & 0x3F));
                destination[written++] = (byte)(0x80 | (c & 0x3F));
            }
        }

        return written;
    }

    /// <summary>
    /// Returns <paramref name="utf8"/> when it is well-formed UTF-8; otherwise the bytes of what
    /// <see cref="Encoding.UTF8"/> decodes it to (each invalid sequence one U+FFFD), in <paramref name="scratch"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ReadOnlySpan<byte> Normalize(ReadOnlySpan<byte> utf8, ref byte[] scratch) =>
        Utf8.IsValid(utf8) ? utf8 : Replace(utf8, ref scratch);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ReadOnlySpan<byte> Replace(ReadOnlySpan<byte> utf8, ref byte[] scratch)
    {
        string decoded = Encoding.UTF8.GetString(utf8);
        int needed = Encoding.UTF8.GetByteCount(decoded);
        if (scratch.Length < needed)
        {
            scratch = new byte[Math.Max(needed, scratch.Length * 2)];
        }

        int written = Encoding.UTF8.GetBytes(decoded, scratch);
        return scratch.AsSpan(0, written);
    }

    /// <summary>A string as a stored key's bytes (WTF-8 for a lone surrogate, as <see cref="Encode(ReadOnlySpan{char}, Span{byte})"/>).</summary>
    public static byte[] EncodeToArray(string text)
    {
        byte[] bytes = new byte[MaxEncodedLength(text.Length)];
        int written = Encode(text, bytes);
        return written == bytes.Length ? bytes : bytes[..written];
    }

    /// <summary>The string a stored key stands for.</summary>
    public static string Decode(ReadOnlySpan<byte> stored)
    {
        if (stored.IsEmpty)
        {
            return string.Empty;
        }

        if (Utf8.IsValid(stored))
        {
            return Encoding.UTF8.GetString(stored);
        }

        // WTF-8 lone surrogates (the only ill-formed sequences a stored key holds).
        char[] chars = ArrayPool<char>.Shared.Rent(stored.Length);
        try
        {
            int length = DecodeWtf8(stored, chars);
            return new string(chars, 0, length);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    private static int DecodeWtf8(ReadOnlySpan<byte> bytes, Span<char> chars)
    {
        int written = 0;
        int i = 0;
        while (i < bytes.Length)
        {
            int scalar = ReadCodePoint(bytes, i, out int length);
            i += length;
            if (scalar >= 0x10000)
            {
                scalar -= 0x10000;
                chars[written++] = (char)(0xD800 + (scalar >> 10));
                chars[written++] = (char)(0xDC00 + (scalar & 0x3FF));
            }
            else
            {
                chars[written++] = (char)scalar;
            }
        }

        return written;
    }

    /// <summary>
    /// Compares two stored keys as <see cref="string.CompareOrdinal(string, string)"/> compares the strings they stand
    /// for (by UTF-16 code unit), without decoding them.
    /// </summary>
    public static int CompareOrdinal(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        int common = left.CommonPrefixLength(right);
        if (common == left.Length || common == right.Length)
        {
            return left.Length.CompareTo(right.Length);
        }

        // An ASCII byte is a whole code point (a sequence's later bytes never are), so where either string has one, both
        // differ from there by a whole code point: one unit each, ASCII below any other.
        if (left[common] < 0x80 || right[common] < 0x80)
        {
            return left[common] - right[common];
        }

        // UTF-8 order is code point order; UTF-16 order differs between a supplementary character (a surrogate pair,
        // 0xD800-0xDFFF) and U+E000-U+FFFF, and around lone surrogates (WTF-8): a lone high surrogate and a pair that
        // starts with it share their first unit, and the unit after it decides. So compare UTF-16 units from the first
        // code point that differs: the bytes before it are the same, and so are their units.
        int start = common;
        while (start > 0 && (left[start] & 0xC0) == 0x80)
        {
            start--;
        }

        var unitsA = new Utf16Units(left, start);
        var unitsB = new Utf16Units(right, start);
        while (true)
        {
            int a = unitsA.Next();
            int b = unitsB.Next();
            if (a != b || a < 0)
            {
                // -1 marks the end: the shorter string comes first.
                return a.CompareTo(b);
            }
        }
    }

    /// <summary>Compares two stored keys by Unicode code point (bytewise: UTF-8 preserves code point order).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int CompareCodePoints(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right) => left.SequenceCompareTo(right);

    /// <summary>The UTF-16 code units of stored bytes (well-formed UTF-8 or WTF-8), one at a time, from a lead byte.</summary>
    private ref struct Utf16Units(ReadOnlySpan<byte> bytes, int index)
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;
        private int _index = index;
        private int _pendingLow = -1;

        /// <summary>The next code unit, or -1 at the end.</summary>
        public int Next()
        {
            if (_pendingLow >= 0)
            {
                int low = _pendingLow;
                _pendingLow = -1;
                return low;
            }

            if (_index >= _bytes.Length)
            {
                return -1;
            }

            int codePoint = ReadCodePoint(_bytes, _index, out int length);
            _index += length;
            if (codePoint < 0x10000)
            {
                return codePoint; // a BMP character or a lone surrogate: one unit
            }

            _pendingLow = 0xDC00 + ((codePoint - 0x10000) & 0x3FF);
            return 0xD800 + ((codePoint - 0x10000) >> 10);
        }
    }

    // Reads the code point (or WTF-8 surrogate) starting at a lead byte of well-formed stored bytes.
    private static int ReadCodePoint(ReadOnlySpan<byte> bytes, int index, out int length)
    {
        int lead = bytes[index];
        if (lead < 0x80)
        {
            length = 1;
            return lead;
        }

        if (lead < 0xE0)
        {
            length = 2;
            return ((lead & 0x1F) << 6) | (bytes[index + 1] & 0x3F);
        }

        if (lead < 0xF0)
        {
            length = 3;
            return ((lead & 0x0F) << 12) | ((bytes[index + 1] & 0x3F) << 6) | (bytes[index + 2] & 0x3F);
        }

        length = 4;
        return ((lead & 0x07) << 18) | ((bytes[index + 1] & 0x3F) << 12) | ((bytes[index + 2] & 0x3F) << 6) | (bytes[index + 3] & 0x3F);
    }
}
