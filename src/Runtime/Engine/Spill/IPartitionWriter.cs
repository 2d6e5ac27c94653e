namespace MapReduceGen.Engine.Spill;

/// <summary>Where a merged partition's output goes, key by key in output order: a result per key, or records.</summary>
internal interface IPartitionWriter<TStored, TResult>
{
    /// <summary>One key's result (the key as stored: a string key's UTF-8 bytes are valid during the call only).</summary>
    void Write(in TStored key, int stableHash, TResult result);

    /// <summary>The records one key's reducer wrote (the list is cleared after the call).</summary>
    void WriteRecords(List<TResult> records);
}
