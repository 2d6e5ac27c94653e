namespace MapReduceGen.Examples;

/// <summary>A key and a value: the input and output of <see cref="TotalOrderSort"/>.</summary>
[GenerateSerializer]
public readonly record struct SortRecord(string Key, string Value);
