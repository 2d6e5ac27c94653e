using MapReduceGen;

namespace Package.Consumer.Jobs;

/// <summary>
/// String-key fold with the emitter mapper: counts lower-cased words (runs of letters), emitting each word as a
/// <see cref="ReadOnlySpan{T}"/> of characters so a worker allocates a string only for a word it has not seen.
/// </summary>
internal static partial class WordFrequencyJob
{
    [Mapper]
    public static void Map(string line, Emitter<string, int> emit)
    {
        Span<char> buffer = stackalloc char[64];
        int start = -1;
        for (int i = 0; i <= line.Length; i++)
        {
            bool letter = i < line.Length && char.IsLetter(line[i]);
            if (letter && start < 0)
            {
                start = i;
            }
            else if (!letter && start >= 0)
            {
                ReadOnlySpan<char> word = line.AsSpan(start, i - start);
                if (word.Length <= buffer.Length)
                {
                    int written = word.ToLowerInvariant(buffer);
                    emit.Emit(buffer[..written], 1);
                }
                else
                {
                    emit.Emit(word.ToString().ToLowerInvariant(), 1);
                }

                start = -1;
            }
        }
    }

    [Reducer]
    public static int Reduce(int left, int right) => left + right;
}
