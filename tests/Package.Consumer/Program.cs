using Package.Consumer;

// Package.Consumer: a program that uses MapReduceGen only through its NuGet package. It runs every job shape and
// checks the results; CI runs it as published Native AOT, proving the generated code needs no reflection.
int passed = 0;
int failed = 0;
foreach (var (name, check) in ConsumerChecks.All)
{
    string? problem;
    try
    {
        problem = check();
    }
#pragma warning disable CA1031 // A check that throws is reported as a failure, whatever it threw.
    catch (Exception ex)
#pragma warning restore CA1031
    {
        problem = $"threw {ex}";
    }

    if (problem is null)
    {
        passed++;
        Console.WriteLine($"PASS  {name}");
    }
    else
    {
        failed++;
        Console.WriteLine($"FAIL  {name}: {problem}");
    }
}

Console.WriteLine($"consumer: {passed} passed, {failed} failed");
return failed == 0 ? 0 : 1;
