namespace Sample.WordCount.Tests.GuideExamples;

// docs/guide.md, "Keys": one temperature reading, the input of MonthlyAverages.
public readonly record struct Reading(string Station, DateOnly Day, double Celsius);
