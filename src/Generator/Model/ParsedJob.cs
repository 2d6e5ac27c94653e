namespace MapReduceGen.Generator.Model
{
    /// <summary>What the generator reads from a valid job class: the job, and its <c>Emit</c> calls when they are intercepted.</summary>
    /// <param name="Job">The job.</param>
    /// <param name="Interceptors">Its intercepted calls, or <see langword="null"/> (none, or interceptors are off).</param>
    internal sealed record ParsedJob(JobModel Job, JobInterceptorsModel? Interceptors);
}
