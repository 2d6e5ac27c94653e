using System.Text;

namespace MapReduceGen.Runtime.Tests.Inputs;

/// <summary>Test inputs and an independent reference for what lines a file holds.</summary>
internal static class TextTestData
{
    /// <summary>Named byte contents covering terminators, BOMs, multi-byte and invalid UTF-8, edge endings.</summary>
    public static readonly IReadOnlyDictionary<string, byte[]> Files = BuildFiles();

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (string name in Files.Keys)
        {
            data.Add(name);
        }

        return data;
    }

    /// <summary>
    /// The lines of a file and the byte offsets where they start, computed the simple way: the whole content
    /// (after a BOM) decoded with Encoding.UTF8, then split on \n, \r\n and \r; no line after a final terminator.
    /// </summary>
    public static List<(string Line, long Offset)> ReferenceLines(byte[] bytes)
    {
        int bom = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        string text = Encoding.UTF8.GetString(bytes, bom, bytes.Length - bom);
        var lines = new List<string>();
        var current = new StringBuilder();
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c is '\n' or '\r')
            {
                lines.Add(current.ToString());
                current.Clear();
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
            }
            else
            {
                current.Append(c);
            }
        }

        if (current.Length > 0)
        {
            lines.Add(current.ToString());
        }

        // Line start offsets from the bytes: 0, then after every terminator that is not at the very end.
        var offsets = new List<long>();
        if (bytes.Length > bom)
        {
            offsets.Add(0);
        }

        for (int i = bom; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\r' && i + 1 < bytes.Length && bytes[i + 1] == (byte)'\n')
            {
                i++;
            }

            if ((bytes[i] is (byte)'\n' or (byte)'\r') && i + 1 < bytes.Length)
            {
                offsets.Add(i + 1);
            }
        }

        Assert.Equal(lines.Count, offsets.Count);
        return [.. lines.Zip(offsets, (l, o) => (l, o))];
    }

    private static Dictionary<string, byte[]> BuildFiles()
    {
        var files = new Dictionary<string, byte[]>
        {
            ["rich"] = Concat(
                [0xEF, 0xBB, 0xBF],
                "alpha\n\r\nb\u00E9ta\r\n\r\rgamma\r\u20AC uro \U0001D11E clef\n"u8.ToArray(),
                "\u00E9\u00E9\u00E9\u4E2D\u6587\U0001F600\U0001F600\r\n"u8.ToArray(),
                [(byte)'x', 0xFF, (byte)'y', 0xC3, (byte)'\n'],          // invalid byte, truncated 2-byte at line end
                [0xE2, 0x82, (byte)'\r', 0xF0, 0x9F, 0x98, (byte)'\r', (byte)'\n'], // truncated 3- and 4-byte
                [0xC0, 0xAF, 0x80, 0xED, 0xA0, 0x80, (byte)'z', (byte)'\n'],     // overlong, lone continuation, surrogate
                "\r\r\n\n\n"u8.ToArray(),
                "last line \u00FC\u20AC\U0001F600 no newline"u8.ToArray()),
            ["no-bom-leading-terminators-trailing-cr"] = "\r\n\n\u00E9\r\u20AC\n\U0001F600x\r"u8.ToArray(),
            ["trailing-lf"] = "one\ntwo\nthree\n"u8.ToArray(),
            ["trailing-crlf"] = "one\r\ntwo\r\n"u8.ToArray(),
            ["truncated-at-eof"] = Concat("ok\n"u8.ToArray(), [0xF0, 0x9F, 0x98]),
            ["bom-only"] = [0xEF, 0xBB, 0xBF],
            ["bom-newline"] = [0xEF, 0xBB, 0xBF, (byte)'\n'],
            ["partial-bom"] = [0xEF, 0xBB, (byte)'a', (byte)'\n'],
            ["bom-in-middle"] = Concat("a\n"u8.ToArray(), [0xEF, 0xBB, 0xBF], "b"u8.ToArray()),
            ["empty"] = [],
            ["lf"] = "\n"u8.ToArray(),
            ["cr"] = "\r"u8.ToArray(),
            ["crlf"] = "\r\n"u8.ToArray(),
            ["lfcr"] = "\n\r"u8.ToArray(),
            ["single-char"] = "x"u8.ToArray(),
            ["replacement-char-is-valid"] = "\uFFFD\n"u8.ToArray(),
        };

        // Random mixes of terminators, multi-byte fragments and invalid bytes.
        byte[] alphabet = [(byte)'a', (byte)'b', (byte)'\r', (byte)'\n', 0xC3, 0xA9, 0xE2, 0x82, 0xAC, 0xF0, 0x9F, 0x98, 0x80, 0xFF, 0xEF, 0xBB, 0xBF];
        for (int seed = 1; seed <= 4; seed++)
        {
            var random = new Random(seed);
            var bytes = new byte[120 + (seed * 40)];
            for (int i = 0; i < bytes.Length; i++)
            {
                bytes[i] = alphabet[random.Next(alphabet.Length)];
            }

            files[$"random-{seed}"] = bytes;
        }

        return files;
    }

    private static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(p => p)];
}
