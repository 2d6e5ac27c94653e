using MapReduceGen.Generator.Helpers;
using MapReduceGen.Generator.Model;

namespace MapReduceGen.Generator.Emitting
{
    /// <summary>
    /// The members that run the job on a Microsoft Orleans cluster (the project references MapReduceGen.Orleans):
    /// <c>AddToSilo</c> registers the job's definition on a silo, <c>RunOnClusterAsync</c> runs it.
    /// </summary>
    internal static partial class JobEmitter
    {
        private static void WriteClusterMembers(SourceWriter writer, JobModel job)
        {
            writer.WriteLines($"""
                /// <summary>Registers this job on an Orleans silo, so the cluster can run its map and reduce tasks.</summary>
                /// <param name="silo">The silo being configured.</param>
                /// <returns>The same silo builder.</returns>
                {GeneratedCode.Attribute}
                {job.Accessibility} static global::Orleans.Hosting.ISiloBuilder AddToSilo(global::Orleans.Hosting.ISiloBuilder silo)
                    => global::MapReduceGen.Orleans.MapReduceSiloBuilderExtensions.AddMapReduceJob(silo, MapReduceJob.Definition);
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
                    /// <param name="options">Partitions, inputs per map task, cancellation and progress; <see langword="null"/> for defaults.</param>
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
                            .RunAsync(MapReduceJob.Definition, {Inputs(form)}, {Context(job)}, options, cancellationToken);
                    """);
            }
        }
    }
}
