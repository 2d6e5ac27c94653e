namespace MapReduceGen.Orleans;

/// <summary>The format of the files reduce tasks write (<c>MapReduceClusterExecutor.RunToFilesAsync</c>).</summary>
[GenerateSerializer]
[Alias("MapReduceGen.Orleans.ClusterOutputFormat")]
public enum ClusterOutputFormat
{
    /// <summary>
    /// One line per key: the key, a tab, the result, <c>\n</c>. Numbers and dates in the invariant culture; a backslash,
    /// tab, line feed or carriage return inside a field is written as <c>\\</c>, <c>\t</c>, <c>\n</c>, <c>\r</c>.
    /// </summary>
    Tsv = 0,

    /// <summary>One JSON object per line, <c>{"key":...,"value":...}</c>, written by System.Text.Json.</summary>
    JsonLines = 1,
}
