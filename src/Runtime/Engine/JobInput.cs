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

    /// <summary>Whether the input arrives asynchronously.</summary>
    internal abstract bool IsAsync { get; }

    /// <summary>The type of the inputs.</summary>
    internal abstract Type InputType { get; }

    /// <summary>Whether the input is the lines of text files (read where the map task runs).</summary>
    internal abstract bool IsText { get; }
}
