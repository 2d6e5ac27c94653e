using System.ComponentModel;

namespace MapReduceGen.Engine;

/// <summary>
/// Where a reduce task writes its partition as a file: the run's work directory (made by
/// <see cref="MapReduceOutputFiles.Begin"/>), the format, and a tag unique to the attempt (so two attempts of one
/// partition never write the same temporary file).
/// </summary>
/// <param name="WorkDirectory">The run's work directory, inside the output directory.</param>
/// <param name="Format">The format.</param>
/// <param name="AttemptTag">A tag unique to the attempt (letters, digits, dashes).</param>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed record PartitionFileTarget(string WorkDirectory, MapReduceFileFormat Format, string AttemptTag);
