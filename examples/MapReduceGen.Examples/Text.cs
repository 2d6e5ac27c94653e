namespace MapReduceGen.Examples;

/// <summary>How the examples cut a line into words: runs of letters and digits, lower-cased.</summary>
public static class Text
{
    /// <summary>The words of a line.</summary>
    /// <param name="line">The line.</param>
    /// <returns>Its words, in order.</returns>
    public static IEnumerable<string> Words(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        int start = -1;
        for (int i = 0; i <= line.Length; i++)
        {
            bool inWord = i < line.Length && char.IsLetterOrDigit(line[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                yield return line[start..i].ToLowerInvariant();
                start = -1;
            }
        }
    }
}
