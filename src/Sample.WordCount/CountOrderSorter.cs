using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Sample.WordCount;

/// <summary>
/// Puts a word count's entries in output order (count descending, then word ascending by code point, which is the
/// bytewise order of UTF-8) in bounded memory, as <c>sort</c> does. Entries are kept, words as UTF-8 in 1 MiB blocks, until
/// they hold <c>memoryBudget</c> bytes; then they are sorted and appended to a temporary file as a sorted run, and the
/// blocks are reused. <see cref="WriteTo"/> merges the runs with what is still held; entries that fit are sorted in
/// memory and never touch the disk. The temporary file is unlinked as soon as it is created (on Unix it lives only while
/// open; elsewhere it is deleted on close), so nothing is left behind, even by a killed process.
/// </summary>
internal sealed class CountOrderSorter : IDisposable
{
    /// <summary>The least budget a program should give (a few blocks and a useful number of entries; tests give less).</summary>
    public const long MinimumBudget = 4 << 20;

    private const int BlockSize = 1 << 20;
    private const int EntrySize = 32;
    private const int RowHeader = 8;
    private const int LongWord = BlockSize / 4;

    private readonly long _budget;
    private readonly string _directory;
    private readonly List<byte[]> _blocks = [];
    private readonly List<(long Start, long Length)> _runs = [];
    private Entry[] _entries = new Entry[4096];
    private int _count;
    private int _block;
    private int _blockUsed;
    private long _longWords;
    private SafeFileHandle? _file;
    private string _path = "";
    private long _fileLength;

    /// <summary>Creates a sorter that holds at most <paramref name="memoryBudget"/> bytes of entries.</summary>
    /// <param name="memoryBudget">Bytes of words and entries held before a sorted run goes to disk.</param>
    /// <param name="directory">Where the temporary file goes; <see langword="null"/>: the system's temporary folder.</param>
    public CountOrderSorter(long memoryBudget, string? directory = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(memoryBudget);
        _budget = memoryBudget;
        _directory = directory ?? Path.GetTempPath();
    }

    /// <summary>Bytes written to the temporary file (0 when everything fitted in memory).</summary>
    public long BytesSpilled => _fileLength;

    /// <summary>How many sorted runs went to the temporary file.</summary>
    public int RunCount => _runs.Count;

    /// <summary>The bytes the sorter holds now (blocks of words and the entry array).</summary>
    private long Held => ((long)_blocks.Count * BlockSize) + _longWords + ((long)_entries.Length * EntrySize);

    /// <summary>Adds an entry whose word is given as characters (stored as UTF-8).</summary>
    public void Add(ReadOnlySpan<char> word, int count)
    {
        int most = Encoding.UTF8.GetMaxByteCount(word.Length);
        if (most > LongWord)
        {
            var bytes = new byte[Encoding.UTF8.GetByteCount(word)];
            Encoding.UTF8.GetBytes(word, bytes);
            Add(bytes, count);
            return;
        }

        ReserveEntry();
        Memory<byte> room = Room(most);
        int length = Encoding.UTF8.GetBytes(word, room.Span);
        Store(room[..length], count, inBlock: true);
    }

    /// <summary>Adds an entry whose word is given as UTF-8.</summary>
    public void Add(ReadOnlySpan<byte> word, int count)
    {
        ReserveEntry();
        if (word.Length > LongWord)
        {
            // A long word gets an array of its own, counted against the budget like the blocks.
            if (_count > 0 && Held + word.Length > _budget)
            {
                Spill();
            }

            _longWords += word.Length;
            Store(word.ToArray(), count, inBlock: false);
            return;
        }

        Memory<byte> room = Room(word.Length);
        word.CopyTo(room.Span);
        Store(room[..word.Length], count, inBlock: true);
    }

    /// <summary>Hands every entry added to <paramref name="writer"/>, in output order.</summary>
    /// <exception cref="TemporaryFileException">A sorted run could not be read back.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public void WriteTo<TWriter>(ref TWriter writer, CancellationToken cancellationToken = default)
        where TWriter : ICountedWordWriter
    {
        Sort(_entries, _count);
        ReadOnlySpan<Entry> held = _entries.AsSpan(0, _count);
        if (_runs.Count == 0)
        {
            for (int i = 0; i < held.Length; i++)
            {
                if ((i & 0xFFF) == 0xFFF)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                writer.Write(held[i].Word.Span, held[i].Count);
            }

            return;
        }

        Merge(ref writer, cancellationToken);
    }

    /// <summary>Closes (and so deletes) the temporary file and drops what is held.</summary>
    public void Dispose()
    {
        _file?.Dispose();
        _file = null;
        _blocks.Clear();
        _entries = [];
        _count = 0;
    }

    /// <summary>
    /// Sorts entries in output order: one in-place radix pass (American flag) on the 16 highest bits in which their sort
    /// keys differ, then each bucket by quicksort on the keys, the buckets shared among the processors. Small buckets stay
    /// in cache, which a sort of the whole array does not.
    /// </summary>
    internal static void Sort(Entry[] array, int count)
    {
        const int RadixBits = 16;
        Span<Entry> entries = array.AsSpan(0, count);
        if (entries.Length < 4096)
        {
            QuickSort(entries, 64);
            return;
        }

        ulong differing = 0;
        ulong first = entries[0].High;
        foreach (ref readonly Entry entry in entries)
        {
            differing |= entry.High ^ first;
        }

        if (differing == 0)
        {
            QuickSort(entries, 64);
            return;
        }

        int shift = Math.Max(0, 63 - BitOperations.LeadingZeroCount(differing) - (RadixBits - 1));
        int[] starts = new int[(1 << RadixBits) + 1];
        foreach (ref readonly Entry entry in entries)
        {
            starts[Bucket(entry, shift) + 1]++;
        }

        for (int b = 1; b < starts.Length; b++)
        {
            starts[b] += starts[b - 1];
        }

        int[] next = starts[..^1];
        for (int b = 0; b < next.Length; b++)
        {
            while (next[b] < starts[b + 1])
            {
                Entry moving = entries[next[b]];
                int target = Bucket(moving, shift);
                while (target != b)
                {
                    (moving, entries[next[target]]) = (entries[next[target]], moving);
                    next[target]++;
                    target = Bucket(moving, shift);
                }

                entries[next[b]++] = moving;
            }
        }

        int workers = Environment.ProcessorCount;
        Parallel.For(0, workers, worker =>
        {
            for (int b = worker; b < starts.Length - 1; b += workers)
            {
                QuickSort(array.AsSpan(starts[b], starts[b + 1] - starts[b]), 32);
            }
        });
    }

    // Quicksort (median of three, insertion sort below 24 entries) comparing entries in place; past `depth` levels the
    // runtime's sort takes over, so a bucket built to defeat the pivots is still n log n.
    private static void QuickSort(Span<Entry> entries, int depth)
    {
        while (entries.Length > 24)
        {
            if (--depth == 0)
            {
                entries.Sort();
                return;
            }

            int last = entries.Length - 1;
            int middle = last / 2;
            SortPair(ref entries[0], ref entries[middle]);
            SortPair(ref entries[0], ref entries[last]);
            SortPair(ref entries[middle], ref entries[last]);
            Entry pivot = entries[middle];
            int left = 0;
            int right = last;
            while (left <= right)
            {
                while (entries[left].CompareTo(pivot) < 0)
                {
                    left++;
                }

                while (pivot.CompareTo(entries[right]) < 0)
                {
                    right--;
                }

                if (left <= right)
                {
                    (entries[left], entries[right]) = (entries[right], entries[left]);
                    left++;
                    right--;
                }
            }

            // Recurse into the smaller side, loop on the larger.
            if (right + 1 < entries.Length - left)
            {
                QuickSort(entries[..(right + 1)], depth);
                entries = entries[left..];
            }
            else
            {
                QuickSort(entries[left..], depth);
                entries = entries[..(right + 1)];
            }
        }

        for (int i = 1; i < entries.Length; i++)
        {
            Entry moving = entries[i];
            int j = i - 1;
            while (j >= 0 && moving.CompareTo(entries[j]) < 0)
            {
                entries[j + 1] = entries[j];
                j--;
            }

            entries[j + 1] = moving;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void SortPair(ref Entry a, ref Entry b)
    {
        if (b.CompareTo(a) < 0)
        {
            (a, b) = (b, a);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Bucket(in Entry entry, int shift) => (int)((entry.High >> shift) & 0xFFFF);

    // A free slot in the entry array: the array doubles while the budget allows, else the held entries are spilled.
    private void ReserveEntry()
    {
        if (_count < _entries.Length)
        {
            return;
        }

        long grown = Math.Min((long)_entries.Length * 2, Array.MaxLength);
        if (Held + ((grown - _entries.Length) * EntrySize) > _budget)
        {
            Spill();
        }
        else
        {
            Array.Resize(ref _entries, (int)grown);
        }
    }

    // Room for `length` more bytes of words: in the current block, the next one, or a new one while the budget allows
    // (else the held entries are spilled and the first block is used again). The caller's Store takes the room.
    private Memory<byte> Room(int length)
    {
        while (true)
        {
            if (_block < _blocks.Count)
            {
                if (_blockUsed + length <= BlockSize)
                {
                    return _blocks[_block].AsMemory(_blockUsed, length);
                }

                if (_block + 1 < _blocks.Count)
                {
                    _block++;
                    _blockUsed = 0;
                    continue;
                }
            }

            if (_count > 0 && Held + BlockSize > _budget)
            {
                Spill();
                continue;
            }

            _blocks.Add(GC.AllocateUninitializedArray<byte>(BlockSize));
            _block = _blocks.Count - 1;
            _blockUsed = 0;
        }
    }

    private void Store(ReadOnlyMemory<byte> word, int count, bool inBlock)
    {
        _entries[_count++] = new Entry(word, count);
        if (inBlock)
        {
            _blockUsed += word.Length;
        }
    }

    // The held entries, sorted, appended to the temporary file as one run; the blocks are kept for the next entries.
    private void Spill()
    {
        Sort(_entries, _count);
        ReadOnlySpan<Entry> held = _entries.AsSpan(0, _count);
        SafeFileHandle file = File();
        long start = _fileLength;
        byte[] buffer = GC.AllocateUninitializedArray<byte>(BlockSize);
        int at = 0;
        try
        {
            foreach (ref readonly Entry entry in held)
            {
                ReadOnlySpan<byte> word = entry.Word.Span;
                if (at + RowHeader + word.Length > buffer.Length)
                {
                    RandomAccess.Write(file, buffer.AsSpan(0, at), _fileLength);
                    _fileLength += at;
                    at = 0;
                    if (RowHeader + word.Length > buffer.Length)
                    {
                        buffer = GC.AllocateUninitializedArray<byte>(RowHeader + word.Length);
                    }
                }

                BinaryPrimitives.WriteInt32LittleEndian(buffer.AsSpan(at), entry.Count);
                BinaryPrimitives.WriteInt32LittleEndian(buffer.AsSpan(at + 4), word.Length);
                word.CopyTo(buffer.AsSpan(at + RowHeader));
                at += RowHeader + word.Length;
            }

            RandomAccess.Write(file, buffer.AsSpan(0, at), _fileLength);
            _fileLength += at;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TemporaryFileException(_path, e);
        }

        _runs.Add((start, _fileLength - start));
        _count = 0;
        _block = 0;
        _blockUsed = 0;
        _longWords = 0;
    }

    private SafeFileHandle File()
    {
        if (_file is { } open)
        {
            return open;
        }

        _path = Path.Combine(_directory, $"wordcount-sort-{Environment.ProcessId}-{Guid.NewGuid():N}.tmp");
        try
        {
            if (OperatingSystem.IsWindows())
            {
                _file = System.IO.File.OpenHandle(_path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, FileOptions.DeleteOnClose);
            }
            else
            {
                // Unlinked at once: the file lives while it is open, and goes with the process however it ends.
                _file = System.IO.File.OpenHandle(_path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None);
                System.IO.File.Delete(_path);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _file?.Dispose();
            _file = null;
            throw new TemporaryFileException(_path, e);
        }

        return _file;
    }

    // A k-way merge of the runs on disk and the sorted entries still held, through a binary heap of the inputs.
    private void Merge<TWriter>(ref TWriter writer, CancellationToken cancellationToken)
        where TWriter : ICountedWordWriter
    {
        int bufferSize = (int)Math.Clamp(_budget / 4 / _runs.Count, 64 << 10, 4 << 20);
        var inputs = new List<MergeInput>(_runs.Count + 1);
        foreach ((long start, long length) in _runs)
        {
            inputs.Add(new RunInput(_file!, _path, start, length, bufferSize));
        }

        inputs.Add(new HeldInput(_entries, _count));
        var heap = new List<MergeInput>(inputs.Count);
        foreach (MergeInput input in inputs)
        {
            if (input.MoveNext())
            {
                heap.Add(input);
                SiftUp(heap, heap.Count - 1);
            }
        }

        long written = 0;
        while (heap.Count > 0)
        {
            if ((++written & 0xFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            MergeInput top = heap[0];
            writer.Write(top.Word, top.Count);
            if (!top.MoveNext())
            {
                heap[0] = heap[^1];
                heap.RemoveAt(heap.Count - 1);
            }

            if (heap.Count > 0)
            {
                SiftDown(heap, 0);
            }
        }
    }

    private static int Compare(MergeInput left, MergeInput right) =>
        left.High != right.High ? (left.High < right.High ? -1 : 1)
        : left.Low != right.Low ? (left.Low < right.Low ? -1 : 1)
        : left.Word.SequenceCompareTo(right.Word);

    private static void SiftUp(List<MergeInput> heap, int at)
    {
        while (at > 0)
        {
            int parent = (at - 1) / 2;
            if (Compare(heap[at], heap[parent]) >= 0)
            {
                return;
            }

            (heap[at], heap[parent]) = (heap[parent], heap[at]);
            at = parent;
        }
    }

    private static void SiftDown(List<MergeInput> heap, int at)
    {
        while (true)
        {
            int left = (2 * at) + 1;
            if (left >= heap.Count)
            {
                return;
            }

            int least = left + 1 < heap.Count && Compare(heap[left + 1], heap[left]) < 0 ? left + 1 : left;
            if (Compare(heap[least], heap[at]) >= 0)
            {
                return;
            }

            (heap[at], heap[least]) = (heap[least], heap[at]);
            at = least;
        }
    }

    /// <summary>
    /// A word and its count, with a sort key: the inverted count and the word's first four bytes (big-endian), then its
    /// next eight, so most comparisons are two integer compares and only words sharing twelve bytes compare their bytes.
    /// Ordered by count descending, then bytes ascending.
    /// </summary>
    [StructLayout(LayoutKind.Auto)]
    internal readonly struct Entry : IComparable<Entry>
    {
        public readonly ulong High;
        public readonly ulong Low;
        public readonly ReadOnlyMemory<byte> Word;

        public Entry(ReadOnlyMemory<byte> word, int count)
        {
            Word = word;
            (High, Low) = SortKey(word.Span, count);
        }

        /// <summary>The two integers most comparisons of a word and its count need.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static (ulong High, ulong Low) SortKey(ReadOnlySpan<byte> word, int count)
        {
            if (word.Length < 12)
            {
                // Shorter words sort as if padded with zero bytes; equal prefixes are told apart by the bytes.
                Span<byte> padded = stackalloc byte[12];
                padded.Clear();
                word.CopyTo(padded);
                return (((ulong)~(uint)count << 32) | BinaryPrimitives.ReadUInt32BigEndian(padded), BinaryPrimitives.ReadUInt64BigEndian(padded[4..]));
            }

            return (((ulong)~(uint)count << 32) | BinaryPrimitives.ReadUInt32BigEndian(word), BinaryPrimitives.ReadUInt64BigEndian(word[4..]));
        }

        public int Count => (int)~(uint)(High >> 32);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int CompareTo(Entry other) => CompareTo(in other);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int CompareTo(in Entry other)
        {
            if (High != other.High)
            {
                return High < other.High ? -1 : 1;
            }

            if (Low != other.Low)
            {
                return Low < other.Low ? -1 : 1;
            }

            return Word.Span.SequenceCompareTo(other.Word.Span);
        }
    }

    /// <summary>One sorted input of the merge: its current entry, then the next.</summary>
    private abstract class MergeInput
    {
        public int Count { get; protected set; }

        /// <summary>The current entry's sort key (<see cref="Entry.SortKey"/>).</summary>
        public ulong High { get; protected set; }

        /// <summary>The current entry's sort key, its second half.</summary>
        public ulong Low { get; protected set; }

        public abstract ReadOnlySpan<byte> Word { get; }

        public abstract bool MoveNext();
    }

    /// <summary>The sorted entries still held in memory.</summary>
    private sealed class HeldInput(Entry[] entries, int count) : MergeInput
    {
        private int _next;
        private ReadOnlyMemory<byte> _word;

        public override ReadOnlySpan<byte> Word => _word.Span;

        public override bool MoveNext()
        {
            if (_next == count)
            {
                return false;
            }

            Count = entries[_next].Count;
            High = entries[_next].High;
            Low = entries[_next].Low;
            _word = entries[_next].Word;
            _next++;
            return true;
        }
    }

    /// <summary>A sorted run of the temporary file, read in large positional reads.</summary>
    private sealed class RunInput(SafeFileHandle file, string path, long start, long length, int bufferSize) : MergeInput
    {
        private byte[] _buffer = GC.AllocateUninitializedArray<byte>(bufferSize);
        private long _read;
        private int _at;
        private int _end;
        private int _wordAt;
        private int _wordLength;

        public override ReadOnlySpan<byte> Word => _buffer.AsSpan(_wordAt, _wordLength);

        public override bool MoveNext()
        {
            if (!Ensure(RowHeader))
            {
                return false;
            }

            Count = BinaryPrimitives.ReadInt32LittleEndian(_buffer.AsSpan(_at));
            int wordLength = BinaryPrimitives.ReadInt32LittleEndian(_buffer.AsSpan(_at + 4));
            if (!Ensure(RowHeader + wordLength))
            {
                throw new TemporaryFileException(path, new InvalidDataException("A sorted run ends inside an entry."));
            }

            _wordAt = _at + RowHeader;
            _wordLength = wordLength;
            _at += RowHeader + wordLength;
            (High, Low) = Entry.SortKey(Word, Count);
            return true;
        }

        // At least `bytes` unread bytes in the buffer, unless the run ends first.
        private bool Ensure(int bytes)
        {
            if (_end - _at >= bytes)
            {
                return true;
            }

            int kept = _end - _at;
            if (bytes > _buffer.Length)
            {
                byte[] larger = GC.AllocateUninitializedArray<byte>(bytes);
                _buffer.AsSpan(_at, kept).CopyTo(larger);
                _buffer = larger;
            }
            else
            {
                _buffer.AsSpan(_at, kept).CopyTo(_buffer);
            }

            _at = 0;
            _end = kept;
            while (_end < bytes && _read < length)
            {
                int want = (int)Math.Min(_buffer.Length - _end, length - _read);
                int got;
                try
                {
                    got = RandomAccess.Read(file, _buffer.AsSpan(_end, want), start + _read);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw new TemporaryFileException(path, e);
                }

                if (got == 0)
                {
                    throw new TemporaryFileException(path, new EndOfStreamException("The temporary file ended before its sorted run."));
                }

                _end += got;
                _read += got;
            }

            return _end >= bytes;
        }
    }
}
