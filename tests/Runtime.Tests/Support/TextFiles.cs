using System.Text;

namespace MapReduceGen.Runtime.Tests.Support;

/// <summary>Writes known lines as UTF-8 text with a chosen line terminator, optional BOM and final terminator.</summary>
internal static class TextFiles
{
    public static readonly string[] Terminators = ["\n", "\r\n", "\r"];

    /// <summary>The file's bytes; lines must not contain terminators.</summary>
    public static byte[] Encode(IReadOnlyList<string> lines, string terminator, bool bom, bool finalTerminator)
    {
        var text = new StringBuilder();
        for (int i = 0; i < lines.Count; i++)
        {
            text.Append(lines[i]);
            if (i < lines.Count - 1 || finalTerminator)
            {
                text.Append(terminator);
            }
        }

        byte[] body = Encoding.UTF8.GetBytes(text.ToString());
        return bom ? [0xEF, 0xBB, 0xBF, .. body] : body;
    }

    /// <summary>Random lines whose last line is not empty (so the file holds exactly these lines either way).</summary>
    public static string[] RandomLines(Random random, int count)
    {
        string[] lines = RandomInputs.Lines(random, count);
        if (count > 0 && lines[^1].Length == 0)
        {
            lines[^1] = "end";
        }

        return lines;
    }
}
