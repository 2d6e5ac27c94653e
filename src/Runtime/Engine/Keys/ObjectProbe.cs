using System.Runtime.CompilerServices;

namespace MapReduceGen.Engine.Keys;

/// <summary>Looks up a key a table stores as it is (or any stored key of a table being merged).</summary>
internal readonly ref struct ObjectProbe<TStored, TOps>(TStored key, TOps ops) : IKeyProbe<TStored>
    where TOps : struct, IKeyOps<TStored>
{
    private readonly TStored _key = key;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Matches(in TStored stored) => ops.Equal(stored, _key);

    public int KeyedHash() => ops.KeyedHash(_key);

    public TStored Store() => _key;
}
