namespace Sample.WordCount.Tests.GuideExamples;

// docs/guide.md, "Keys": an enum, part of the tuple key of ErrorsByService.
public enum Severity
{
    Info,
    Warning,
    Error,
}
