namespace Sample.WordCount.Tests.GuideExamples;

// docs/guide.md, "Mapper shapes": the input of InvertedIndex.
public sealed record Document(int Id, string Text);
