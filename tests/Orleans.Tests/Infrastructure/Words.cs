using System.Text;

namespace MapReduceGen.Orleans.Tests.Infrastructure;

/// <summary>Distinct words the word count keeps (letters only).</summary>
public static class Words
{
    public static string Letters(int n)
    {
        var text = new StringBuilder("w");
        do
        {
            text.Append((char)('a' + (n % 26)));
            n /= 26;
        }
        while (n > 0);
        return text.ToString();
    }
}
