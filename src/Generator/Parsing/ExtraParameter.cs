using Microsoft.CodeAnalysis;

namespace MapReduceGen.Generator.Parsing
{
    /// <summary>
    /// A parameter after a method's required ones: the job's parameters (<c>P</c>), its counters (<c>C</c>), or the task's
    /// state (<c>S</c>, the type the job's <c>[TaskSetup]</c> method returns).
    /// </summary>
    internal readonly struct ExtraParameter
    {
        public const char Parameters = 'P';
        public const char Counters = 'C';
        public const char TaskState = 'S';

        public ExtraParameter(char kind, IParameterSymbol parameter)
        {
            Kind = kind;
            Parameter = parameter;
        }

        public char Kind { get; }

        public IParameterSymbol Parameter { get; }
    }
}
