using System.ComponentModel;

namespace MapReduceGen.Engine;

/// <summary>
/// A job's input of any input type (see <see cref="JobInput{TInput}"/>): a job with several mappers is given one per
/// mapper, in the order of its mappers.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class JobInput
{
    private protected JobInput()
    {
    }

    /// <summary>Whether the input arrives asynchronously (only this machine's runner reads it).</summary>
    public abstract bool IsAsync { get; }

    /// <summary>The type of the inputs.</summary>
    public abstract Type InputType { get; }

    /// <summary>Whether the input is the lines of text files (read where the map task runs).</summary>
    public abstract bool IsText { get; }

    /// <summary>The number of inputs when known without reading them (an in-memory collection), else <see langword="null"/>.</summary>
    public abstract long? Count { get; }

    /// <summary>The size of the text files in bytes (text inputs), else <see langword="null"/>.</summary>
    public abstract long? TotalBytes { get; }
}
