namespace MapReduceGen.Generator.Model
{
    /// <summary>The job's <c>[TaskSetup]</c> method: its name, the state type it returns, and the extra arguments it takes.</summary>
    /// <param name="Name">The method's name.</param>
    /// <param name="StateType">The task state's type, as generated code names it.</param>
    /// <param name="Arguments">Its arguments' pattern (<c>P</c> for the job's parameters, <c>C</c> for the task's counters).</param>
    internal sealed record TaskSetupModel(string Name, string StateType, string Arguments);
}
