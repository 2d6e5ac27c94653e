using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace MapReduceGen.Engine.Tasks;

/// <summary>
/// Writes one partition's output as one file in a run's work directory (<see cref="MapReduceOutputFiles"/>), line by
/// line as it is produced: first under a name of its own attempt, then renamed over the partition's name when complete,
/// so a partition written again (its reduce task re-executed) replaces the earlier file whole and a half-written file
/// never has a partition's name.
/// </summary>
internal sealed class PartitionFileWriter<TKey, TValue, TResult> : IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private static readonly SearchValues<char> TsvEscaped = SearchValues.Create("\\\t\n\r");

    private readonly PartitionFileTarget _target;
    private readonly int _partition;
    private readonly TypedCodecs<TKey, TValue, TResult> _codecs;
    private readonly IPayloadCodec? _payload;
    private readonly string _jobName;
    private readonly string _final;
    private readonly string _temporary;
    private readonly FileStream _stream;
    private readonly StreamWriter? _tsv;
    private readonly Utf8JsonWriter? _json;
    private readonly ArrayBufferWriter<byte>? _jsonBytes;
    private long _lines;
    private bool _completed;

    public PartitionFileWriter(
        PartitionFileTarget target, int partition, TypedCodecs<TKey, TValue, TResult> codecs, IPayloadCodec? payload, string jobName)
    {
        _target = target;
        _partition = partition;
        _codecs = codecs;
        _payload = payload;
        _jobName = jobName;
        string name = MapReduceOutputFiles.FileName(partition, target.Format);
        _final = Path.Combine(target.WorkDirectory, name);
        _temporary = Path.Combine(target.WorkDirectory, $".{name}.{target.AttemptTag}.tmp");
        try
        {
            // Unbuffered: the writers buffer, so an abandoned file (a full disk) has nothing left to flush.
            _stream = new FileStream(_temporary, FileMode.Create, FileAccess.Write, FileShare.None, 0);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw MapReduceException.ForOutput(jobName, _final, e);
        }

        if (target.Format == MapReduceFileFormat.JsonLines)
        {
            _jsonBytes = new ArrayBufferWriter<byte>(1 << 16);
            _json = new Utf8JsonWriter(_jsonBytes);
        }
        else
        {
            _tsv = new StreamWriter(_stream, Utf8, 1 << 16, leaveOpen: true) { NewLine = "\n" };
        }
    }

    /// <summary>Writes one key and its result as a line.</summary>
    public void Write(TKey key, TResult result)
    {
        Guard(() =>
        {
            if (_tsv is not null)
            {
                WriteTsvField(_tsv, key);
                _tsv.Write('\t');
                WriteTsvField(_tsv, result);
                _tsv.Write('\n');
            }
            else
            {
                _json!.WriteStartObject();
                _json.WritePropertyName("key");
                TypedCodecs<TKey, TValue, TResult>.WriteJson(_json, _codecs.Key, _payload, key);
                _json.WritePropertyName("value");
                TypedCodecs<TKey, TValue, TResult>.WriteJson(_json, _codecs.Result, _payload, result);
                _json.WriteEndObject();
                EndJsonLine();
            }
        });
        _lines++;
    }

    /// <summary>Writes one record as a line.</summary>
    public void WriteRecord(TResult record)
    {
        Guard(() =>
        {
            if (_tsv is not null)
            {
                WriteTsvField(_tsv, record);
                _tsv.Write('\n');
            }
            else
            {
                TypedCodecs<TKey, TValue, TResult>.WriteJson(_json!, _codecs.Result, _payload, record);
                EndJsonLine();
            }
        });
        _lines++;
    }

    /// <summary>Flushes the file to disk and gives it the partition's name.</summary>
    public MapReduceOutputFile Complete()
    {
        Guard(() =>
        {
            _tsv?.Flush();
            if (_jsonBytes is not null)
            {
                _stream.Write(_jsonBytes.WrittenSpan);
            }

            _stream.Flush(flushToDisk: true);
            _tsv?.Dispose();
            _json?.Dispose();
            _stream.Dispose();
            File.Move(_temporary, _final, overwrite: true);
        });
        _completed = true;
        return new MapReduceOutputFile(_partition, _final, _lines, new FileInfo(_final).Length);
    }

    public void Dispose()
    {
        if (!_completed)
        {
            // Abandoned (the run failed): close quietly, whatever state the file is in, and remove it.
            try
            {
                _tsv?.Dispose();
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException)
            {
                // A full disk fails the flush of what is left; the file goes anyway.
            }

            _json?.Dispose();
            _stream.Dispose();
            try
            {
                File.Delete(_temporary);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The work directory is removed when the run ends.
            }
        }
    }

    // The JSON value written is one line: its bytes and a line feed go to the buffer, the buffer to the file when full.
    private void EndJsonLine()
    {
        _json!.Flush();
        _jsonBytes!.GetSpan(1)[0] = (byte)'\n';
        _jsonBytes.Advance(1);
        _json.Reset(_jsonBytes);
        if (_jsonBytes.WrittenCount >= 1 << 16)
        {
            _stream.Write(_jsonBytes.WrittenSpan);
            _jsonBytes.ResetWrittenCount();
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
        ReadOnlySpan<char> rest = text;
        int special;
        while ((special = rest.IndexOfAny(TsvEscaped)) >= 0)
        {
            writer.Write(rest[..special]);
            writer.Write(rest[special] switch
            {
                '\\' => "\\\\",
                '\t' => "\\t",
                '\n' => "\\n",
                _ => "\\r",
            });
            rest = rest[(special + 1)..];
        }

        writer.Write(rest);
    }

    // I/O errors (a full disk) name the partition's file.
    private void Guard(Action write)
    {
        try
        {
            write();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw MapReduceException.ForOutput(_jobName, _final, e);
        }
    }
}
