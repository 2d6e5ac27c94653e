namespace MapReduceGen.Generator.Tests.Infrastructure;

/// <summary>A diagnostic a test expects, at the next <c>[|...|]</c> span of its source.</summary>
/// <param name="Id">The id, e.g. MRG0001.</param>
/// <param name="Message">The exact message.</param>
internal sealed record ExpectedDiagnostic(string Id, string Message);
