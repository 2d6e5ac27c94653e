namespace Sample.WordCount.Tests.GuideExamples;

// docs/guide.md, "Keys": a record struct key, hashed and compared over its members.
public readonly record struct StationMonth(string Station, int Year, int Month);
