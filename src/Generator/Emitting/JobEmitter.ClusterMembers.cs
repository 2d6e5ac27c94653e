using MapReduceGen.Generator.Helpers;
using MapReduceGen.Generator.Model;

namespace MapReduceGen.Generator.Emitting
{
    /// <summary>
    /// The members that run the job on a Microsoft Orleans cluster (the project references MapReduceGen.Orleans):
    /// <c>AddToSilo</c> registers the job's definition on a silo, <c>RunOnClusterAsync</c> runs it, <c>StreamOnClusterAsync</c>
    /// hands its output over partition by partition and <c>RunOnClusterToFilesAsync</c> has the silos write it to files.
    /// </summary>
    internal static partial class JobEmitter
    {
        private const string ClusterOptionsDoc =
            "/// <param name=\"options\">Partitions, inputs per map task, cancellation and progress; <see langword=\"null\"/> for defaults.</param>";

        private static void WriteClusterMembers(SourceWriter writer, JobModel job)
        {
            writer.WriteLines($"""
                /// <summary>Registers this job on an Orleans silo, so the cluster can run its map and reduce tasks.</summary>
                /// <param name="silo">The silo being configured.</param>
                /// <returns>The same silo builder.</returns>
                {GeneratedCode.Attribute}
                {job.Accessibility} static global::Orleans.Hosting.ISiloBuilder AddToSilo(global::Orleans.Hosting.ISiloBuilder silo)
                    => global::MapReduceGen.Orleans.MapReduceSiloBuilderExtensions.AddMapReduceJob(silo, {Definition(job)});
                """);
            foreach (InputForm form in InputForms(job, includeAsync: false))
            {
                writer.WriteLine();
                WriteSummary(writer, """
                    Runs the job on a Microsoft Orleans cluster whose silos registered it (<c>AddToSilo</c>): map tasks spread over the
                    silos keep their output there, one reduce task per partition fetches its share silo to silo, and tasks of a failed
                    silo run again elsewhere. The output is the one <c>Run</c> gives.
                    """);
                writer.WriteLine("/// <param name=\"cluster\">The executor of a cluster client (<c>client.MapReduce()</c>).</param>");
                WriteInputDocs(writer, job, form);
                writer.WriteLines($"""
                    {ClusterOptionsDoc}
                    /// <param name="cancellationToken">Stops the run.</param>
                    /// <returns>The job's output, and the run's statistics.</returns>
                    /// <exception cref="global::MapReduceGen.MapReduceException">The job's code or an input threw.</exception>
                    /// <exception cref="global::MapReduceGen.Orleans.MapReduceClusterException">The cluster cannot run the job.</exception>
                    /// <exception cref="global::System.OperationCanceledException">The run was cancelled.</exception>
                    {GeneratedCode.Attribute}
                    {job.Accessibility} static global::System.Threading.Tasks.Task<{OutputType(job)}> RunOnClusterAsync(
                        global::MapReduceGen.Orleans.MapReduceClusterExecutor cluster,
                    """);
                WriteInputParameters(writer, job, form);
                WriteOptionsParameters(writer, takesCancellation: true);
                writer.WriteLines($"""
                        => (cluster ?? throw new global::System.ArgumentNullException(nameof(cluster)))
                            .RunAsync({Definition(job)}, {Inputs(form)}, {Context(job)}, options, cancellationToken);
                    """);
                writer.WriteLine();
                WriteStreamOnCluster(writer, job, form);
                writer.WriteLine();
                WriteRunOnClusterToFiles(writer, job, form);
            }
        }

        /// <summary><c>StreamOnClusterAsync</c>: the output partition by partition, each as its reduce task completes.</summary>
        private static void WriteStreamOnCluster(SourceWriter writer, JobModel job, InputForm form)
        {
            bool records = job.Shape.Output == JobOutputKind.Records;
            WriteSummary(writer, """
                Runs the job on a Microsoft Orleans cluster whose silos registered it (<c>AddToSilo</c>) and hands its output over
                partition by partition, each as soon as its reduce task completes (in no particular order). Partitions not yet
                taken wait on their silos, so the caller holds about one at a time. Ending the enumeration early stops the run.
                """);
            writer.WriteLine("/// <param name=\"cluster\">The executor of a cluster client (<c>client.MapReduce()</c>).</param>");
            WriteInputDocs(writer, job, form);
            writer.WriteLines($"""
                {ClusterOptionsDoc}
                /// <param name="cancellationToken">Stops the run.</param>
                /// <returns>{(records ? "The records, partition by partition." : "The keys with their results, partition by partition; together they hold every key once.")}</returns>
                /// <exception cref="global::MapReduceGen.MapReduceException">The job's code or an input threw (from the enumeration).</exception>
                /// <exception cref="global::MapReduceGen.Orleans.MapReduceClusterException">The cluster cannot run the job.</exception>
                /// <exception cref="global::System.OperationCanceledException">The run was cancelled.</exception>
                {GeneratedCode.Attribute}
                {job.Accessibility} static global::System.Collections.Generic.IAsyncEnumerable<{StreamItemType(job)}> StreamOnClusterAsync(
                    global::MapReduceGen.Orleans.MapReduceClusterExecutor cluster,
                """);
            WriteInputParameters(writer, job, form);
            WriteOptionsParameters(writer, takesCancellation: true);
            writer.WriteLines($"""
                    => (cluster ?? throw new global::System.ArgumentNullException(nameof(cluster)))
                        .{(records ? "StreamRecordsAsync" : "StreamAsync")}({Definition(job)}, {Inputs(form)}, {Context(job)}, options, cancellationToken);
                """);
        }

        /// <summary><c>RunOnClusterToFilesAsync</c>: the reduce tasks write one file per partition into shared storage.</summary>
        private static void WriteRunOnClusterToFiles(SourceWriter writer, JobModel job, InputForm form)
        {
            WriteSummary(writer, """
                Runs the job on a Microsoft Orleans cluster whose silos registered it (<c>AddToSilo</c>); its reduce tasks write the
                output to <paramref name="directory"/>, one file per partition (<c>part-00000.tsv</c> or <c>part-00000.jsonl</c>), so
                no result reaches this client. When every file is written they replace the previous run's and an empty
                <c>_SUCCESS</c> is written last; a run that fails leaves the directory as it was.
                """);
            writer.WriteLine("/// <param name=\"cluster\">The executor of a cluster client (<c>client.MapReduce()</c>).</param>");
            WriteInputDocs(writer, job, form);
            writer.WriteLines($"""
                /// <param name="directory">The output directory: every silo and this client must reach it at the same path (shared storage).</param>
                {FileFormatDoc}
                {ClusterOptionsDoc}
                /// <param name="cancellationToken">Stops the run.</param>
                /// <returns>The files, in partition order, and the run's statistics.</returns>
                /// <exception cref="global::MapReduceGen.MapReduceException">The job's code or an input threw, or the directory cannot be written (checked before any task runs).</exception>
                /// <exception cref="global::MapReduceGen.Orleans.MapReduceClusterException">The cluster cannot run the job.</exception>
                /// <exception cref="global::System.OperationCanceledException">The run was cancelled.</exception>
                {GeneratedCode.Attribute}
                {job.Accessibility} static global::System.Threading.Tasks.Task<global::MapReduceGen.MapReduceFileOutput> RunOnClusterToFilesAsync(
                    global::MapReduceGen.Orleans.MapReduceClusterExecutor cluster,
                """);
            WriteInputParameters(writer, job, form);
            WriteFileParameters(writer);
            WriteOptionsParameters(writer, takesCancellation: true);
            writer.WriteLines($"""
                    => (cluster ?? throw new global::System.ArgumentNullException(nameof(cluster)))
                        .RunToFilesAsync({Definition(job)}, {Inputs(form)}, {Context(job)}, directory, format, options, cancellationToken);
                """);
        }
    }
}
