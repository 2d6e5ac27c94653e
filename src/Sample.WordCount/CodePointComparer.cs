namespace Sample.WordCount;

/// <summary>
/// Orders strings by Unicode code point, as Python compares <c>str</c> values. Ordinal (UTF-16 code unit) order
/// differs only where a surrogate pair (a character above U+FFFF) meets a character in U+E000..U+FFFF: by code unit
/// the pair's 0xD800..0xDFFF sorts first, by code point the BMP character does. A lone surrogate sorts as its own
/// code unit value, as in Python.
/// </summary>
internal sealed class CodePointComparer : IComparer<string>
{
    /// <summary>The comparer.</summary>
    public static CodePointComparer Instance { get; } = new();

    /// <inheritdoc/>
    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        var common = x.AsSpan().CommonPrefixLength(y);
        if (common == x.Length || common == y.Length)
        {
            return x.Length - y.Length;
        }

        // At the first difference, moving the surrogates (0xD800..0xDFFF) above 0xE000..0xFFFF makes code unit order
        // code point order: a pair's high surrogate decides before its low one, and both are above every BMP character.
        return Rank(x[common]) - Rank(y[common]);
    }

    private static int Rank(char c) => c < 0xD800 ? c : c < 0xE000 ? c + 0x2000 : c - 0x800;
}
