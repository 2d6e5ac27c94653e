using System.Collections.Generic;
using System.Linq;
using MapReduceGen.Generator.Helpers;
using MapReduceGen.Generator.Model;

namespace MapReduceGen.Generator.Emitting
{
    /// <summary>The local entry points: <c>Run</c> and <c>RunAsync</c> for each form of the inputs, and <c>RunUtf8</c>.</summary>
    internal static partial class JobEmitter
    {
        private const string LocalOptionsDoc =
            "/// <param name=\"options\">Parallelism, partitions, chunk size, cancellation and progress; <see langword=\"null\"/> for defaults.</param>";

        private const string LocalCancellationDoc =
            "/// <param name=\"cancellationToken\">Stops the run, as <see cref=\"global::MapReduceGen.MapReduceOptions.CancellationToken\"/> does.</param>";

        private static void WriteRunMembers(SourceWriter writer, JobModel job)
        {
            bool first = true;
            foreach (InputForm form in InputForms(job, includeAsync: true))
            {
                foreach (bool isAsync in form.IsAsyncOnly ? new[] { true } : new[] { false, true })
                {
                    if (!first)
                    {
                        writer.WriteLine();
                    }

                    first = false;
                    string summary = isAsync
                        ? $"Runs the job on the ThreadPool, without blocking the caller, over {form.Description}."
                        : $"Runs the job over {form.Description}: maps every input on all cores and reduces each key with <c>{job.Reducer.Name}</c>.";
                    WriteLocalRun(writer, job, isAsync ? "RunAsync" : "Run", summary, form, returnsTask: isAsync, takesCancellation: isAsync);
                }
            }
        }

        /// <summary>
        /// Writes <c>RunUtf8</c> for a job of one mapper of lines whose class also maps raw UTF-8 blocks
        /// (<c>IUtf8TextMapper</c>): the same job, read without decoding or allocating a string per line.
        /// </summary>
        private static void WriteUtf8Members(SourceWriter writer, JobModel job)
        {
            MapperModel mapper = job.Mappers[0];
            string summary = $"""
                Runs the job over text with the class's UTF-8 block mapper (<c>MapLines</c>) instead of <c>{mapper.Name}</c>: blocks of
                whole lines straight from the read buffer, with no line decoded or allocated as a string.
                """;
            string typeArguments = $"{GeneratedCode.JobClass(job)}, {job.Key.Type}, {job.ValueType}";
            var forms = new[]
            {
                new InputParameter(
                    "global::MapReduceGen.TextSource", "source", "source",
                    "The files, directories and glob patterns to read; large files are split at line boundaries.",
                    $"{Engine}JobInputs.Utf8Lines<{typeArguments}>(source)"),
                new InputParameter(
                    "global::System.IO.Stream", "stream", "stream", "A stream of UTF-8 text, read to its end in blocks (not disposed).",
                    $"{Engine}JobInputs.Utf8Stream<{typeArguments}>(stream)"),
            };
            for (int i = 0; i < forms.Length; i++)
            {
                if (i > 0)
                {
                    writer.WriteLine();
                }

                var form = new InputForm("UTF-8 text", isAsyncOnly: false, new List<InputParameter> { forms[i] });
                WriteLocalRun(writer, job, "RunUtf8", summary, form, returnsTask: false, takesCancellation: true);
            }
        }

        /// <summary>Writes one local entry point that hands the job's definition and its inputs to the engine.</summary>
        private static void WriteLocalRun(
            SourceWriter writer, JobModel job, string name, string summary, InputForm form, bool returnsTask, bool takesCancellation)
        {
            string output = OutputType(job);
            WriteSummary(writer, summary);
            WriteInputDocs(writer, job, form);
            writer.WriteLine(LocalOptionsDoc);
            if (takesCancellation)
            {
                writer.WriteLine(LocalCancellationDoc);
            }

            writer.WriteLines($"""
                /// <returns>{ReturnsDoc(job)}</returns>
                /// <exception cref="global::MapReduceGen.MapReduceException">The job's code or an input threw.</exception>
                /// <exception cref="global::System.OperationCanceledException">The run was cancelled.</exception>
                {GeneratedCode.Attribute}
                {job.Accessibility} static {(returnsTask ? $"global::System.Threading.Tasks.Task<{output}>" : output)} {name}(
                """);
            WriteInputParameters(writer, job, form);
            string cancellation = takesCancellation ? ", cancellationToken" : "";
            WriteOptionsParameters(writer, takesCancellation);
            writer.WriteLine(
                $"    => {Engine}MapReduceEngine.{(returnsTask ? "RunAsync" : "Run")}({Definition(job)}, {Inputs(form)}, {Context(job)}, options{cancellation});");
        }

        /// <summary>The forms of a job's inputs: sequences; an asynchronous sequence (one mapper); text files for mappers of lines.</summary>
        private static List<InputForm> InputForms(JobModel job, bool includeAsync)
        {
            bool single = job.Mappers.Count == 1;
            var forms = new List<InputForm>
            {
                new InputForm(single ? "the inputs" : "one sequence of inputs per mapper", isAsyncOnly: false, job.Mappers.Select(Sequence).ToList()),
            };
            if (includeAsync && single)
            {
                MapperModel mapper = job.Mappers[0];
                forms.Add(new InputForm(
                    "an asynchronous sequence, awaited into a bounded buffer that the workers drain",
                    isAsyncOnly: true,
                    new List<InputParameter>
                    {
                        new InputParameter(
                            $"global::System.Collections.Generic.IAsyncEnumerable<{mapper.InputType}>", mapper.InputName, mapper.InputParameter,
                            "The inputs; enumerated once.", $"{Engine}JobInputs.AsyncSequence({mapper.InputParameter})"),
                    }));
            }

            if (job.Mappers.Any(m => m.InputIsString))
            {
                forms.Add(new InputForm(
                    single ? "the lines of text files, split at line boundaries and mapped by all workers at once" : "text files for the mappers of lines",
                    isAsyncOnly: false,
                    job.Mappers.Select(m => m.InputIsString ? Lines(m, single) : Sequence(m)).ToList()));
            }

            return forms;
        }

        private static InputParameter Sequence(MapperModel mapper) =>
            new InputParameter(
                $"global::System.Collections.Generic.IEnumerable<{mapper.InputType}>", mapper.InputName, mapper.InputParameter,
                $"The inputs of the mapper <c>{mapper.Name}</c>; enumerated once.", $"{Engine}JobInputs.Sequence({mapper.InputParameter})");

        private static InputParameter Lines(MapperModel mapper, bool single)
        {
            string name = single ? "source" : mapper.InputName;
            string parameter = single ? "source" : mapper.InputParameter;
            return new InputParameter(
                "global::MapReduceGen.TextSource", name, parameter, $"The files whose lines the mapper <c>{mapper.Name}</c> maps.",
                $"{Engine}JobInputs.Lines({parameter})");
        }

        /// <summary>Writes a doc comment's summary, one <c>///</c> line per line of <paramref name="summary"/>.</summary>
        private static void WriteSummary(SourceWriter writer, string summary)
        {
            writer.WriteLine("/// <summary>");
            foreach (string line in summary.Split('\n'))
            {
                writer.WriteLine("/// " + line.TrimEnd('\r'));
            }

            writer.WriteLine("/// </summary>");
        }

        private static string ReturnsDoc(JobModel job) =>
            job.Shape.Output == JobOutputKind.Records
                ? "Every record the reducer wrote, and the run's statistics."
                : "Every key with its result, and the run's statistics.";

        private static void WriteInputDocs(SourceWriter writer, JobModel job, InputForm form)
        {
            foreach (InputParameter input in form.Inputs)
            {
                writer.WriteLine($"/// <param name=\"{input.Name}\">{input.Doc}</param>");
            }

            if (job.ParametersType is not null)
            {
                writer.WriteLine("/// <param name=\"parameters\">The run's parameters, handed to the job's methods that take them.</param>");
            }
        }

        private static void WriteInputParameters(SourceWriter writer, JobModel job, InputForm form)
        {
            foreach (InputParameter input in form.Inputs)
            {
                writer.WriteLine($"    {input.Type} {input.Parameter},");
            }

            if (job.ParametersType is { } parameters)
            {
                writer.WriteLine($"    {parameters} parameters,");
            }
        }

        /// <summary>The options (and the cancellation token), last parameters of every entry point, and the closing parenthesis.</summary>
        private static void WriteOptionsParameters(SourceWriter writer, bool takesCancellation)
        {
            if (!takesCancellation)
            {
                writer.WriteLine("    global::MapReduceGen.MapReduceOptions? options = null)");
                return;
            }

            writer.WriteLines("""
                    global::MapReduceGen.MapReduceOptions? options = null,
                    global::System.Threading.CancellationToken cancellationToken = default)
                """);
        }
    }
}
