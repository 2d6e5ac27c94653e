using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace MapReduceGen.Benchmarks;

/// <summary>
/// The fastest hand-written code found for the inverted index and the numeric suites, at the same thread count as the
/// generated job: one thread per worker over a contiguous range of the input, each with its own open-addressing table
/// keyed by the key type (linear probing, power-of-two capacity, at most half full), then the tables merged (the smaller
/// into the largest). No LINQ, no <see cref="Dictionary{TKey, TValue}"/>,
/// no per-pair allocation. Words come from the same tokenizer as every other variant (<see cref="Words.ForEach"/>),
/// so the comparison is about tables and merging, not tokenizing.
/// </summary>
public static class FastBaselines
{
    /// <summary>
    /// Inverted index: every word to the sorted, distinct ids of the documents holding it.
    /// <para>
    /// Each worker interns its words in a <see cref="WordIndex"/> (open addressing over the word's characters, stored
    /// once in a char arena) and records a (word number, document id) pair per word and document: a word repeated in
    /// one document is recorded once, by comparing with the word's last recorded id. The merge maps the other workers'
    /// word numbers into the largest worker's, sizes each word's id array exactly from the per-worker counts, and the
    /// workers copy their pairs into those arrays in parallel, each into its own segment of each array. Workers take
    /// contiguous ranges of documents in order, so a word's ids arrive ascending when the ids ascend with the documents
    /// (they do here); the arrays are then checked (one pass) and only an array that is not strictly ascending is
    /// sorted and de-duplicated, so the result is right whatever the ids.
    /// </para>
    /// </summary>
    public static KeyValuePair<string, int[]>[] InvertedIndex(Document[] documents, int workers)
    {
        var indexes = new WordIndex[workers];
        RunWorkers(workers, w => indexes[w] = IndexRange(documents, (int)((long)documents.Length * w / workers), (int)((long)documents.Length * (w + 1) / workers)));

        // Merge the word numbers: the largest index keeps its numbers, the others get a map to them.
        WordIndex merged = indexes[0];
        foreach (WordIndex index in indexes)
        {
            if (index.WordCount > merged.WordCount)
            {
                merged = index;
            }
        }

        var maps = new int[workers][];
        for (int w = 0; w < workers; w++)
        {
            WordIndex index = indexes[w];
            if (ReferenceEquals(index, merged))
            {
                continue;
            }

            var map = new int[index.WordCount];
            for (int word = 0; word < index.WordCount; word++)
            {
                map[word] = merged.Intern(index.WordAt(word));
            }

            maps[w] = map;
        }

        // Exact sizes, and each worker's offset in each word's array.
        int words = merged.WordCount;
        var offsets = new int[workers][];
        var sizes = new int[words];
        for (int w = 0; w < workers; w++)
        {
            WordIndex index = indexes[w];
            int[] map = maps[w];
            var offset = new int[index.WordCount];
            for (int word = 0; word < index.WordCount; word++)
            {
                int target = map is null ? word : map[word];
                offset[word] = sizes[target];
                sizes[target] += index.PostingCount(word);
            }

            offsets[w] = offset;
        }

        var postings = new int[words][];
        for (int word = 0; word < words; word++)
        {
            postings[word] = GC.AllocateUninitializedArray<int>(sizes[word]);
        }

        RunWorkers(workers, w =>
        {
            WordIndex index = indexes[w];
            int[] map = maps[w];
            int[] offset = offsets[w];
            ReadOnlySpan<int> pairWords = index.PairWords;
            ReadOnlySpan<int> pairIds = index.PairIds;
            for (int i = 0; i < pairWords.Length; i++)
            {
                int word = pairWords[i];
                int target = map is null ? word : map[word];
                postings[target][offset[word]++] = pairIds[i];
            }
        });

        var result = new KeyValuePair<string, int[]>[words];
        RunWorkers(workers, w =>
        {
            int start = (int)((long)words * w / workers);
            int end = (int)((long)words * (w + 1) / workers);
            for (int word = start; word < end; word++)
            {
                int[] ids = postings[word];
                if (!StrictlyAscending(ids))
                {
                    ids = Postings.SortedDistinct(ids);
                }

                result[word] = new(merged.WordAt(word).ToString(), ids);
            }
        });

        return result;
    }

    /// <summary>
    /// Sum and max per integer key: each worker folds its range into an <see cref="IntSumMaxTable"/> (16-byte slots
    /// holding the key, the max and the sum), then the smaller tables are folded into the largest, which is the result.
    /// </summary>
    public static IntSumMaxTable SumMax(Reading[] readings, int workers)
    {
        var tables = new IntSumMaxTable[workers];
        RunWorkers(workers, w => tables[w] = SumMaxRange(readings, (int)((long)readings.Length * w / workers), (int)((long)readings.Length * (w + 1) / workers)));

        IntSumMaxTable result = tables[0];
        foreach (IntSumMaxTable table in tables)
        {
            if (table.Count > result.Count)
            {
                result = table;
            }
        }

        foreach (IntSumMaxTable table in tables)
        {
            if (!ReferenceEquals(table, result))
            {
                result.AddAll(table);
            }
        }

        return result;
    }

    // A worker's part of the map. AggressiveOptimization (as the engine's map loops have): optimised code from the
    // first call, instead of tier-0 code and on-stack replacement during the first runs.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static WordIndex IndexRange(Document[] documents, int start, int end)
    {
        var index = new WordIndex();
        for (int i = start; i < end; i++)
        {
            var sink = new PostingSink(index, documents[i].Id);
            Words.ForEach(documents[i].Text, ref sink);
        }

        return index;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static IntSumMaxTable SumMaxRange(Reading[] readings, int start, int end)
    {
        var table = new IntSumMaxTable();
        for (int i = start; i < end; i++)
        {
            Reading reading = readings[i];
            table.Add(reading.Key, reading.Value, reading.Value);
        }

        return table;
    }

    // The calling thread is worker 0; the others run on the thread pool (as Parallel.For would run them).
    private static void RunWorkers(int workers, Action<int> body)
    {
        if (workers == 1)
        {
            body(0);
            return;
        }

        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, body);
    }

    private static bool StrictlyAscending(int[] ids)
    {
        for (int i = 1; i < ids.Length; i++)
        {
            if (ids[i] <= ids[i - 1])
            {
                return false;
            }
        }

        return true;
    }

    private readonly struct PostingSink(WordIndex index, int id) : IWordSink
    {
        public void Word(scoped ReadOnlySpan<char> word) => index.Record(word, id);
    }
}

/// <summary>
/// One worker's words and postings for the inverted index: an open-addressing table over the words' characters (8-byte
/// slots: the hash and the word number; the characters once in a char arena), and per word its last recorded document
/// id and its number of postings; the postings themselves are (word number, id) pairs in two growing arrays.
/// </summary>
public sealed class WordIndex
{
    private const int InitialLog2 = 12;

    private Slot[] _slots = new Slot[1 << InitialLog2];
    private int _shift = 32 - InitialLog2;
    private int _growAt = (1 << InitialLog2) / 2;
    private int _words;
    private char[] _chars = new char[1 << 14];
    private int _charsUsed;
    private int[] _start = new int[1 << 10];
    private int[] _length = new int[1 << 10];
    private int[] _lastId = new int[1 << 10];
    private int[] _postings = new int[1 << 10];
    private int[] _pairWords = new int[1 << 14];
    private int[] _pairIds = new int[1 << 14];
    private int _pairs;

    /// <summary>The number of distinct words.</summary>
    public int WordCount => _words;

    /// <summary>The word of every pair, in the order recorded.</summary>
    public ReadOnlySpan<int> PairWords => _pairWords.AsSpan(0, _pairs);

    /// <summary>The document id of every pair.</summary>
    public ReadOnlySpan<int> PairIds => _pairIds.AsSpan(0, _pairs);

    /// <summary>The characters of word number <paramref name="word"/>.</summary>
    public ReadOnlySpan<char> WordAt(int word) => _chars.AsSpan(_start[word], _length[word]);

    /// <summary>The number of pairs of word number <paramref name="word"/>.</summary>
    public int PostingCount(int word) => _postings[word];

    /// <summary>Records that document <paramref name="id"/> holds <paramref name="word"/> (once per document in a row).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Record(ReadOnlySpan<char> word, int id)
    {
        int number = Find(word, out bool added);
        if (added || _lastId[number] != id)
        {
            _lastId[number] = id;
            _postings[number]++;
            if (_pairs == _pairWords.Length)
            {
                Array.Resize(ref _pairWords, _pairs * 2);
                Array.Resize(ref _pairIds, _pairs * 2);
            }

            _pairWords[_pairs] = number;
            _pairIds[_pairs] = id;
            _pairs++;
        }
    }

    /// <summary>The number of <paramref name="word"/>, added when new.</summary>
    public int Intern(ReadOnlySpan<char> word) => Find(word, out _);

    private static uint Hash(ReadOnlySpan<char> word)
    {
        ReadOnlySpan<byte> bytes = MemoryMarshal.AsBytes(word);
        ref byte p = ref MemoryMarshal.GetReference(bytes);
        int n = bytes.Length;
        ulong h = 0xA0761D6478BD642FUL ^ (ulong)n;
        int i = 0;
        for (; i + 8 <= n; i += 8)
        {
            h = (BitOperations.RotateLeft(h, 23) ^ Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref p, i))) * 0xE7037ED1A0B428DBUL;
        }

        if (i < n)
        {
            // 2, 4 or 6 bytes left: two 4-byte reads overlapping, or one 2-byte read.
            ulong tail = n - i >= 4
                ? ((ulong)Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref p, i)) << 32) | Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref p, n - 4))
                : Unsafe.ReadUnaligned<ushort>(ref Unsafe.Add(ref p, i));
            h = (BitOperations.RotateLeft(h, 23) ^ tail) * 0x8EBC6AF09C88C6E3UL;
        }

        return (uint)(h >> 32);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Find(ReadOnlySpan<char> word, out bool added)
    {
        uint hash = Hash(word);
        Slot[] slots = _slots;
        int mask = slots.Length - 1;
        int i = (int)(hash >> _shift);
        while (true)
        {
            ref Slot slot = ref slots[i];
            if (slot.Number == 0)
            {
                added = true;
                return Add(ref slot, word, hash);
            }

            if (slot.Hash == hash)
            {
                int number = slot.Number - 1;
                if (word.SequenceEqual(_chars.AsSpan(_start[number], _length[number])))
                {
                    added = false;
                    return number;
                }
            }

            i = (i + 1) & mask;
        }
    }

    private int Add(ref Slot slot, ReadOnlySpan<char> word, uint hash)
    {
        int number = _words++;
        if (_charsUsed + word.Length > _chars.Length)
        {
            Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _charsUsed + word.Length));
        }

        word.CopyTo(_chars.AsSpan(_charsUsed));
        if (number == _start.Length)
        {
            Array.Resize(ref _start, number * 2);
            Array.Resize(ref _length, number * 2);
            Array.Resize(ref _lastId, number * 2);
            Array.Resize(ref _postings, number * 2);
        }

        _start[number] = _charsUsed;
        _length[number] = word.Length;
        _postings[number] = 0;
        _charsUsed += word.Length;
        slot.Hash = hash;
        slot.Number = number + 1;
        if (_words > _growAt)
        {
            Grow();
        }

        return number;
    }

    private void Grow()
    {
        Slot[] old = _slots;
        var slots = new Slot[old.Length * 2];
        int mask = slots.Length - 1;
        int shift = _shift - 1;
        foreach (Slot slot in old)
        {
            if (slot.Number != 0)
            {
                int i = (int)(slot.Hash >> shift);
                while (slots[i].Number != 0)
                {
                    i = (i + 1) & mask;
                }

                slots[i] = slot;
            }
        }

        _slots = slots;
        _shift = shift;
        _growAt = slots.Length / 2;
    }

    private struct Slot
    {
        public uint Hash;
        public int Number; // word number + 1; 0 is empty
    }
}

/// <summary>
/// Sum and max per <see cref="int"/> key: open addressing over 16-byte slots (key, max, sum), linear probing,
/// power-of-two capacity at most half full. A slot stores the key's complement, so a zeroed array is an empty table
/// (no fill); key -1, whose complement is 0, is kept aside.
/// <para>
/// The slot index is <c>(key ^ key &gt;&gt;&gt; 16) &amp; mask</c>, the spreading of Java's HashMap: consecutive keys
/// land in consecutive slots, so the frequent small keys of this data (skewed towards 0) share cache lines, where
/// Fibonacci hashing (the top bits of key x 2^32/phi) scattered them one per line: measured 0.77x the time of Fibonacci
/// hashing here. The price: keys that differ only above the index bits and bits 16 up collide, which a multiplicative
/// hash would spread.
/// </para>
/// </summary>
public sealed class IntSumMaxTable
{
    private const int Aside = -1;
    private const int InitialLog2 = 10;

    private Slot[] _slots = new Slot[1 << InitialLog2];
    private int _growAt = (1 << InitialLog2) / 2;
    private int _count;
    private bool _hasAside;
    private Slot _aside;

    /// <summary>The number of distinct keys.</summary>
    public int Count => _count + (_hasAside ? 1 : 0);

    /// <summary>Every key with its sum and max.</summary>
    public IEnumerable<KeyValuePair<int, SumMax>> Entries()
    {
        if (_hasAside)
        {
            yield return new(Aside, new SumMax(_aside.Sum, _aside.Max));
        }

        foreach (Slot slot in _slots)
        {
            if (slot.NotKey != 0)
            {
                yield return new(~slot.NotKey, new SumMax(slot.Sum, slot.Max));
            }
        }
    }

    /// <summary>Adds <paramref name="sum"/> to the key's sum and raises its max to <paramref name="max"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(int key, long sum, int max)
    {
        int notKey = ~key;
        if (notKey == 0)
        {
            AddAside(sum, max);
            return;
        }

        Slot[] slots = _slots;
        int mask = slots.Length - 1;
        int i = Index(key, mask);
        while (true)
        {
            ref Slot slot = ref slots[i];
            if (slot.NotKey == notKey)
            {
                slot.Sum += sum;
                slot.Max = Math.Max(slot.Max, max);
                return;
            }

            if (slot.NotKey == 0)
            {
                Insert(ref slot, notKey, sum, max);
                return;
            }

            i = (i + 1) & mask;
        }
    }

    /// <summary>Folds every key of <paramref name="other"/> into this table.</summary>
    public void AddAll(IntSumMaxTable other)
    {
        if (other._hasAside)
        {
            AddAside(other._aside.Sum, other._aside.Max);
        }

        foreach (Slot slot in other._slots)
        {
            if (slot.NotKey != 0)
            {
                Add(~slot.NotKey, slot.Sum, slot.Max);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Index(int key, int mask) => (key ^ (key >>> 16)) & mask;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void AddAside(long sum, int max)
    {
        _aside.Sum = _hasAside ? _aside.Sum + sum : sum;
        _aside.Max = _hasAside ? Math.Max(_aside.Max, max) : max;
        _hasAside = true;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Insert(ref Slot slot, int notKey, long sum, int max)
    {
        slot.NotKey = notKey;
        slot.Sum = sum;
        slot.Max = max;
        if (++_count > _growAt)
        {
            Grow();
        }
    }

    private void Grow()
    {
        Slot[] old = _slots;
        var slots = new Slot[old.Length * 2];
        int mask = slots.Length - 1;
        foreach (Slot slot in old)
        {
            if (slot.NotKey != 0)
            {
                int i = Index(~slot.NotKey, mask);
                while (slots[i].NotKey != 0)
                {
                    i = (i + 1) & mask;
                }

                slots[i] = slot;
            }
        }

        _slots = slots;
        _growAt = slots.Length / 2;
    }

    private struct Slot
    {
        public int NotKey; // ~key; 0 is empty
        public int Max;
        public long Sum;
    }
}
