using Microsoft.CodeAnalysis;

namespace MapReduceGen.Generator.Parsing
{
    /// <summary>A parameter after a method's required ones: the job's parameters (<c>P</c>) or its counters (<c>C</c>).</summary>
    internal readonly struct ExtraParameter
    {
        public const char Parameters = 'P';
        public const char Counters = 'C';

        public ExtraParameter(char kind, IParameterSymbol parameter)
        {
            Kind = kind;
            Parameter = parameter;
        }

        public char Kind { get; }

        public IParameterSymbol Parameter { get; }
    }
}
