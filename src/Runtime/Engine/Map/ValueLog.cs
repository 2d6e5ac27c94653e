using System.Runtime.CompilerServices;

namespace MapReduceGen.Engine.Map;

/// <summary>
/// The values a map worker keeps for a job that needs every value of a key: appended in emission order with the index
/// of their key's entry, in chunks (never copied while the map runs). When the map ends they are gathered key by key
/// (<see cref="MapOutputBuilder"/>). Appending is one sequential store, so keeping values costs no random access.
/// The log's footprint counts the characters of string values too (a line kept as a value is mostly its characters), so
/// a table of long string values spills at its share of the memory budget; a string kept twice is counted twice.
/// </summary>
internal sealed class ValueLog<TValue>
{
    private const int ChunkLength = 16 * 1024;

    private readonly List<Record[]> _full = [];
    private Record[] _chunk = new Record[256];
    private int _used;
    private long _stringBytes;

    public long Count => ((long)_full.Count * ChunkLength) + _used;

    /// <summary>The bytes the log's chunks take, and the string values they hold.</summary>
    public long Footprint => ((((long)_full.Count * ChunkLength) + _chunk.Length) * Unsafe.SizeOf<Record>()) + _stringBytes;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(int entry, TValue value)
    {
        if (_used == _chunk.Length)
        {
            NextChunk();
        }

        ref Record record = ref _chunk[_used++];
        record.Entry = entry;
        record.Value = value;
        if (typeof(TValue) == typeof(string))
        {
            _stringBytes += StringBytes(Unsafe.As<TValue, string?>(ref value));
        }
    }

    /// <summary>Visits every record in emission order.</summary>
    public void ForEach<TVisitor>(ref TVisitor visitor)
        where TVisitor : struct, IVisitor
    {
        foreach (Record[] chunk in _full)
        {
            foreach (ref readonly Record record in chunk.AsSpan())
            {
                visitor.Visit(record.Entry, record.Value);
            }
        }

        foreach (ref readonly Record record in _chunk.AsSpan(0, _used))
        {
            visitor.Visit(record.Entry, record.Value);
        }
    }

    /// <summary>Drops every record.</summary>
    public void Clear()
    {
        _full.Clear();
        _chunk = [];
        _used = 0;
        _stringBytes = 0;
    }

    // A string's size on the heap: header, method table, length, the characters and a terminating null, 8-byte aligned.
    private static long StringBytes(string? value) => value is null ? 0 : ((2L * value.Length) + 22 + 7) & ~7L;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void NextChunk()
    {
        if (_chunk.Length < ChunkLength)
        {
            // The first chunk grows (a small run keeps little), then chunks are full-size and kept as they are.
            Array.Resize(ref _chunk, Math.Min(ChunkLength, Math.Max(256, _chunk.Length * 2)));
            return;
        }

        _full.Add(_chunk);
        _chunk = new Record[ChunkLength];
        _used = 0;
    }

    internal interface IVisitor
    {
        void Visit(int entry, TValue value);
    }

    private struct Record
    {
        public int Entry;
        public TValue Value;
    }
}
