using System.Globalization;
using System.Text;
using System.Text.Json;
using MapReduceGen.Orleans.Wire;

namespace MapReduceGen.Orleans.Jobs;

/// <summary>
/// Writes one partition's results as one file, <c>part-00000.tsv</c> or <c>part-00000.jsonl</c>: first to a file of
/// its own attempt, then renamed over the final name, so a reader never sees a half-written partition and a partition
/// written again (its reduce task re-executed) is replaced whole, never appended to.
/// </summary>
internal static class PartitionFileWriter
{
    private static readonly JsonSerializerOptions Json = new() { IncludeFields = true };

    public static string FileName(int partition, ClusterOutputFormat format) =>
        string.Create(CultureInfo.InvariantCulture, $"part-{partition:D5}{(format == ClusterOutputFormat.JsonLines ? ".jsonl" : ".tsv")}");

    public static (string Path, long Bytes) Write<TKey, TResult>(
        ReduceFileSpec spec, int partition, string workTag, TKey[] keys, TResult[] results)
    {
        string directory = Path.GetFullPath(spec.Directory);
        Directory.CreateDirectory(directory);
        string final = Path.Combine(directory, FileName(partition, spec.Format));
        string temporary = Path.Combine(directory, $".{FileName(partition, spec.Format)}.{workTag}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                if (spec.Format == ClusterOutputFormat.JsonLines)
                {
                    WriteJsonLines(stream, keys, results);
                }
                else
                {
                    WriteTsv(stream, keys, results);
                }

                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, final, overwrite: true);
            return (final, new FileInfo(final).Length);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    private static void WriteTsv<TKey, TResult>(Stream stream, TKey[] keys, TResult[] results)
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16, leaveOpen: true);
        writer.NewLine = "\n";
        for (int i = 0; i < keys.Length; i++)
        {
            WriteField(writer, keys[i]);
            writer.Write('\t');
            WriteField(writer, results[i]);
            writer.Write('\n');
        }
    }

    private static void WriteField<T>(TextWriter writer, T value)
    {
        string text = value switch
        {
            null => string.Empty,
            string s => s,
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? string.Empty,
        };
        foreach (char c in text)
        {
            switch (c)
            {
                case '\\': writer.Write("\\\\"); break;
                case '\t': writer.Write("\\t"); break;
                case '\n': writer.Write("\\n"); break;
                case '\r': writer.Write("\\r"); break;
                default: writer.Write(c); break;
            }
        }
    }

    private static void WriteJsonLines<TKey, TResult>(Stream stream, TKey[] keys, TResult[] results)
    {
        // The file stream buffers; each line is flushed into its buffer, then the line feed follows.
        using var json = new Utf8JsonWriter(stream);
        for (int i = 0; i < keys.Length; i++)
        {
            json.Reset();
            json.WriteStartObject();
            json.WritePropertyName("key");
            JsonSerializer.Serialize(json, keys[i], Json);
            json.WritePropertyName("value");
            JsonSerializer.Serialize(json, results[i], Json);
            json.WriteEndObject();
            json.Flush();
            stream.WriteByte((byte)'\n');
        }
    }
}
