using System.Runtime.CompilerServices;
using MapReduceGen.Engine.Keys;

namespace MapReduceGen.Engine.Reduce;

/// <summary>Turns a stored key back into the job's key: a string for <see cref="Utf8Key"/>, the key itself otherwise.</summary>
internal static class StoredKeys
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TKey ToKey<TKey, TStored>(in TStored stored) =>
        typeof(TStored) == typeof(Utf8Key)
            ? (TKey)(object)Utf8Text.Decode(Unsafe.As<TStored, Utf8Key>(ref Unsafe.AsRef(in stored)).Span)
            : Unsafe.As<TStored, TKey>(ref Unsafe.AsRef(in stored));
}
