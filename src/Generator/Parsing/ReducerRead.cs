using System.Collections.Generic;
using MapReduceGen.Generator.Model;
using Microsoft.CodeAnalysis;

namespace MapReduceGen.Generator.Parsing
{
    /// <summary>What the reducer declares: the job's shape, its result (or record) type, and how it is called.</summary>
    internal sealed class ReducerRead
    {
        public ReducerRead(JobShape shape, ITypeSymbol result, List<ExtraParameter> extras, bool takesList, bool nullabilityDiffers)
        {
            Shape = shape;
            Result = result;
            Extras = extras;
            TakesList = takesList;
            NullabilityDiffers = nullabilityDiffers;
        }

        /// <summary>The job's shape, decided here once.</summary>
        public JobShape Shape { get; }

        /// <summary>The result type, or the record type of a reducer that writes records.</summary>
        public ITypeSymbol Result { get; }

        public List<ExtraParameter> Extras { get; }

        /// <summary>Whether the values come as an <c>IReadOnlyList&lt;TValue&gt;</c>.</summary>
        public bool TakesList { get; }

        /// <summary>Whether the reducer's (or the combiner's) types annotate nullability differently from the mappers'.</summary>
        public bool NullabilityDiffers { get; }
    }
}
