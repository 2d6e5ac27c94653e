using System.Linq;

namespace MapReduceGen.Generator.Model
{
    /// <summary>
    /// Every reducer shape, one row each: the parser picks a row (<see cref="Of"/>) and the emitters write what it says.
    /// The runtime's side of each row is the <c>JobDefinitions</c> factory it names.
    /// </summary>
    internal static class JobShapes
    {
        private const string FoldSide = "FoldMapSide<{Job}, {Value}>";
        private const string CollectSide = "CollectMapSide<{Value}>";
        private const string DistinctSide = "DistinctMapSide<{Value}>";
        private const string Finish = "IFinishReduce<{Key}, {Value}, {Result}>";
        private const string Group = "IGroupReduce<{Key}, {Value}, {Result}>";
        private const string Distinct = "IDistinctReduce<{Key}, {Result}>";

        /// <summary>The rows. A new shape is a new row here (and its runtime factory).</summary>
        public static readonly JobShape[] All =
        {
            // kind, output, factory and its type arguments, combines, reduce interface, reduce member, map side, slot, 0.1.0 marker
            new JobShape(ShapeKind.Fold,          JobOutputKind.Result,  "Fold<{Job}, {Key}, {Value}>",                             true,  null,     ReduceMember.None,         FoldSide,     "{Value}", "IFoldJob<{Input}, {Key}, {Value}>"),
            new JobShape(ShapeKind.Finish,        JobOutputKind.Result,  "Finish<{Job}, {Key}, {Value}, {Result}>",                 true,  Finish,   ReduceMember.Finish,       FoldSide,     "{Value}", null),
            new JobShape(ShapeKind.Finish,        JobOutputKind.Records, "FinishRecords<{Job}, {Key}, {Value}, {Result}>",          true,  Finish,   ReduceMember.Finish,       FoldSide,     "{Value}", null),
            new JobShape(ShapeKind.Group,         JobOutputKind.Result,  "Group<{Job}, {Key}, {Value}, {Result}>",                  false, Group,    ReduceMember.ReduceValues, CollectSide,  "int",     "IGroupJob<{Input}, {Key}, {Value}, {Result}>"),
            new JobShape(ShapeKind.Group,         JobOutputKind.Records, "GroupRecords<{Job}, {Key}, {Value}, {Result}>",           false, Group,    ReduceMember.ReduceValues, CollectSide,  "int",     null),
            new JobShape(ShapeKind.CombinedGroup, JobOutputKind.Result,  "CombinedGroup<{Job}, {Key}, {Value}, {Result}>",          true,  Group,    ReduceMember.ReduceValues, FoldSide,     "{Value}", null),
            new JobShape(ShapeKind.CombinedGroup, JobOutputKind.Records, "CombinedGroupRecords<{Job}, {Key}, {Value}, {Result}>",   true,  Group,    ReduceMember.ReduceValues, FoldSide,     "{Value}", null),
            new JobShape(ShapeKind.Distinct,      JobOutputKind.Result,  "Distinct<{Job}, {Key}, {Value}, {Result}>",               false, Distinct, ReduceMember.ReduceKey,    DistinctSide, "byte",    null),
            new JobShape(ShapeKind.Distinct,      JobOutputKind.Records, "DistinctRecords<{Job}, {Key}, {Value}, {Result}>",        false, Distinct, ReduceMember.ReduceKey,    DistinctSide, "byte",    null),
        };

        /// <summary>The row of a reducer kind and output.</summary>
        public static JobShape Of(ShapeKind kind, JobOutputKind output) =>
            All.Single(shape => shape.Kind == kind && shape.Output == output);
    }
}
