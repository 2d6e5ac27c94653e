namespace MapReduceGen.Examples;

/// <summary>How often <see cref="Right"/> follows <see cref="Left"/>, among all the words that follow it.</summary>
[GenerateSerializer]
public readonly record struct BigramFrequency(string Left, string Right, double Frequency);
