namespace MapReduceGen.Generator.Emitting
{
    /// <summary>One input of a generated entry point.</summary>
    /// <param name="Type">The parameter's type.</param>
    /// <param name="Name">The input's name, as documentation names it.</param>
    /// <param name="Parameter">The parameter (a C# identifier: <c>@</c> before a keyword).</param>
    /// <param name="Doc">Its documentation.</param>
    /// <param name="JobInput">The engine input made of it (a <c>JobInputs</c> call).</param>
    internal sealed record InputParameter(string Type, string Name, string Parameter, string Doc, string JobInput);
}
