namespace MapReduceGen.Engine.Keys;

/// <summary>
/// A key being looked up in a table, in whatever form the caller has it (the key itself, UTF-8 bytes): it tells
/// whether a stored key is it, hashes itself with the per-process key when the table is flooded, and makes its stored
/// form when it is added. Probes are ref structs passed by value, so looking up a span allocates nothing.
/// </summary>
/// <typeparam name="TStored">The table's stored key type.</typeparam>
internal interface IKeyProbe<TStored>
{
    bool Matches(in TStored stored);

    int KeyedHash();

    TStored Store();
}
