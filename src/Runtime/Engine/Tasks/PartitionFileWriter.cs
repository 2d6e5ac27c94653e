using System.Globalization;
using System.Text;
using System.Text.Json;

namespace MapReduceGen.Engine.Tasks;

/// <summary>
/// Writes one partition's output as one file in a run's work directory (<see cref="MapReduceOutputFiles"/>): first under a
/// name of its own attempt, then renamed over the partition's name, so a partition written again (its reduce task
/// re-executed) replaces the earlier file whole and a half-written file never has a partition's name.
/// </summary>
internal static class PartitionFileWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static MapReduceOutputFile Write<TKey, TValue, TResult>(
        PartitionFileTarget target, int partition, TKey[]? keys, TResult[] items, TypedCodecs<TKey, TValue, TResult> codecs,
        IPayloadCodec? payload, string jobName)
    {
        string name = MapReduceOutputFiles.FileName(partition, target.Format);
        string final = Path.Combine(target.WorkDirectory, name);
        string temporary = Path.Combine(target.WorkDirectory, $".{name}.{target.AttemptTag}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                if (target.Format == MapReduceFileFormat.JsonLines)
                {
                    WriteJsonLines(stream, keys, items, codecs, payload);
                }
                else
                {
                    WriteTsv(stream, keys, items);
                }

                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, final, overwrite: true);
            return new MapReduceOutputFile(partition, final, items.Length, new FileInfo(final).Length);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            throw MapReduceException.ForOutput(jobName, final, e);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    /// <summary>Writes one field of a TSV line: formatted with the invariant culture, tabs and line breaks escaped.</summary>
    internal static void WriteTsvField<T>(TextWriter writer, T value)
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

    private static void WriteTsv<TKey, TResult>(Stream stream, TKey[]? keys, TResult[] items)
    {
        using var writer = new StreamWriter(stream, Utf8, 1 << 16, leaveOpen: true);
        for (int i = 0; i < items.Length; i++)
        {
            if (keys is not null)
            {
                WriteTsvField(writer, keys[i]);
                writer.Write('\t');
            }

            WriteTsvField(writer, items[i]);
            writer.Write('\n');
        }
    }

    private static void WriteJsonLines<TKey, TValue, TResult>(
        Stream stream, TKey[]? keys, TResult[] items, TypedCodecs<TKey, TValue, TResult> codecs, IPayloadCodec? payload)
    {
        // The file stream buffers; each line is flushed into its buffer, then the line feed follows.
        using var json = new Utf8JsonWriter(stream);
        for (int i = 0; i < items.Length; i++)
        {
            json.Reset();
            if (keys is null)
            {
                TypedCodecs<TKey, TValue, TResult>.WriteJson(json, codecs.Result, payload, items[i]);
            }
            else
            {
                json.WriteStartObject();
                json.WritePropertyName("key");
                TypedCodecs<TKey, TValue, TResult>.WriteJson(json, codecs.Key, payload, keys[i]);
                json.WritePropertyName("value");
                TypedCodecs<TKey, TValue, TResult>.WriteJson(json, codecs.Result, payload, items[i]);
                json.WriteEndObject();
            }

            json.Flush();
            stream.WriteByte((byte)'\n');
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The write failed already; the work directory is removed when the run ends.
        }
    }
}
