namespace MapReduceGen;

/// <summary>The format of the files a run writes its output to, one file per partition.</summary>
public enum MapReduceFileFormat
{
    /// <summary>
    /// <c>part-00000.tsv</c>: a line per key, <c>key</c>, a tab and <c>result</c> (a line per record for a job that writes
    /// records), each formatted with the invariant culture; a backslash, tab, line feed or carriage return in a field is
    /// written as <c>\\</c>, <c>\t</c>, <c>\n</c> or <c>\r</c>.
    /// </summary>
    Tsv,

    /// <summary>
    /// <c>part-00000.jsonl</c>: a JSON object per key, <c>{"key": ..., "value": ...}</c> (the record itself for a job that
    /// writes records), one per line.
    /// </summary>
    JsonLines,
}
