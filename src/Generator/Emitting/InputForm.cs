using System.Collections.Generic;

namespace MapReduceGen.Generator.Emitting
{
    /// <summary>
    /// One way to pass a job's inputs to a generated <c>Run</c>: a parameter per mapper (sequences, an asynchronous
    /// sequence, text files), each with the engine input made of it.
    /// </summary>
    internal sealed class InputForm
    {
        public InputForm(string description, bool isAsyncOnly, List<InputParameter> inputs)
        {
            Description = description;
            IsAsyncOnly = isAsyncOnly;
            Inputs = inputs;
        }

        /// <summary>What the inputs are, as a run's summary names them.</summary>
        public string Description { get; }

        /// <summary>Whether only an asynchronous <c>RunAsync</c> takes them (an asynchronous sequence).</summary>
        public bool IsAsyncOnly { get; }

        public List<InputParameter> Inputs { get; }
    }
}
