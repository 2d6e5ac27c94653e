namespace MapReduceGen.Generator.Model
{
    /// <summary>A type the job class is declared in (or the job class itself): what a partial re-declaration needs.</summary>
    /// <param name="Keyword">class, struct, record, record struct or interface.</param>
    /// <param name="Name">The type's name.</param>
    internal sealed record ContainingTypeModel(string Keyword, string Name);
}
