using MapReduceGen.Generator.Helpers;
using MapReduceGen.Generator.Model;

namespace MapReduceGen.Generator.Emitting
{
    /// <summary>
    /// The local entry points for output larger than memory: <c>StreamAsync</c> hands the output over partition by
    /// partition as it is reduced, <c>RunToFilesAsync</c> writes it to one file per partition. One of each per form of the
    /// inputs (sequences, text files).
    /// </summary>
    internal static partial class JobEmitter
    {
        private const string FileDirectoryDoc =
            "/// <param name=\"directory\">The output directory, created when missing; checked writable before anything runs.</param>";

        private const string FileFormatDoc =
            "/// <param name=\"format\">Tab-separated lines (<see cref=\"global::MapReduceGen.MapReduceFileFormat.Tsv\"/>, the default) or JSON Lines.</param>";

        private static void WriteOutputMembers(SourceWriter writer, JobModel job)
        {
            bool first = true;
            foreach (InputForm form in InputForms(job, includeAsync: false))
            {
                if (!first)
                {
                    writer.WriteLine();
                }

                first = false;
                WriteStream(writer, job, form);
                writer.WriteLine();
                WriteRunToFiles(writer, job, form);
            }
        }

        /// <summary><c>StreamAsync</c>: the output partition by partition, each as soon as it is reduced.</summary>
        private static void WriteStream(SourceWriter writer, JobModel job, InputForm form)
        {
            bool records = job.Shape.Output == JobOutputKind.Records;
            WriteSummary(writer, $"""
                Runs the job over {form.Description},
                handing its output over as it is reduced: partition after partition, in index order (key order within each when the
                job sorts by key), a large partition in several parts. The output never has to fit in memory; with
                <see cref="global::MapReduceGen.MapReduceOptions.MemoryBudget"/> the whole run holds a bounded amount. Ending the
                enumeration early stops the run.
                """);
            WriteInputDocs(writer, job, form);
            writer.WriteLine(LocalOptionsDoc);
            writer.WriteLine(LocalCancellationDoc);
            writer.WriteLines($"""
                /// <returns>{(records
                    ? "The records, partition by partition; together they are every record the reducer wrote."
                    : "The keys with their results, partition by partition; together they hold every key once.")}</returns>
                /// <exception cref="global::MapReduceGen.MapReduceException">The job's code or an input threw (from the enumeration).</exception>
                /// <exception cref="global::System.OperationCanceledException">The run was cancelled.</exception>
                {GeneratedCode.Attribute}
                {job.Accessibility} static global::System.Collections.Generic.IAsyncEnumerable<{StreamItemType(job)}> StreamAsync(
                """);
            WriteInputParameters(writer, job, form);
            WriteOptionsParameters(writer, takesCancellation: true);
            writer.WriteLine(
                $"    => {Engine}MapReduceEngine.{(records ? "StreamRecordsAsync" : "StreamAsync")}({Definition(job)}, {Inputs(form)}, {Context(job)}, options, cancellationToken);");
        }

        /// <summary><c>RunToFilesAsync</c>: the output as one file per partition, committed when the run completes.</summary>
        private static void WriteRunToFiles(SourceWriter writer, JobModel job, InputForm form)
        {
            WriteSummary(writer, $"""
                Runs the job over {form.Description},
                writing its output to <paramref name="directory"/>, one file per partition (<c>part-00000.tsv</c> or
                <c>part-00000.jsonl</c>), each as its partition is reduced, so the output never has to fit in memory. When every file
                is written they replace the previous run's and an empty <c>_SUCCESS</c> is written last; a run that fails leaves the
                directory as it was.
                """);
            WriteInputDocs(writer, job, form);
            writer.WriteLine(FileDirectoryDoc);
            writer.WriteLine(FileFormatDoc);
            writer.WriteLine(LocalOptionsDoc);
            writer.WriteLine(LocalCancellationDoc);
            writer.WriteLines($"""
                /// <returns>The files, in partition order, and the run's statistics.</returns>
                /// <exception cref="global::MapReduceGen.MapReduceException">The job's code or an input threw, or the directory or a file cannot be written.</exception>
                /// <exception cref="global::System.OperationCanceledException">The run was cancelled.</exception>
                {GeneratedCode.Attribute}
                {job.Accessibility} static global::System.Threading.Tasks.Task<global::MapReduceGen.MapReduceFileOutput> RunToFilesAsync(
                """);
            WriteInputParameters(writer, job, form);
            WriteFileParameters(writer);
            WriteOptionsParameters(writer, takesCancellation: true);
            writer.WriteLine(
                $"    => {Engine}MapReduceEngine.RunToFilesAsync({Definition(job)}, {Inputs(form)}, {Context(job)}, directory, format, options, cancellationToken);");
        }

        /// <summary>The directory and format parameters of the members that write files.</summary>
        private static void WriteFileParameters(SourceWriter writer) =>
            writer.WriteLines("""
                    string directory,
                    global::MapReduceGen.MapReduceFileFormat format = global::MapReduceGen.MapReduceFileFormat.Tsv,
                """);

        /// <summary>What a streamed run hands over: a partition's entries, or its records.</summary>
        private static string StreamItemType(JobModel job) =>
            job.Shape.Output == JobOutputKind.Records
                ? $"global::MapReduceGen.MapReduceRecordPartition<{job.ResultType}>"
                : $"global::MapReduceGen.MapReducePartition<{job.Key.Type}, {job.ResultType}>";
    }
}
