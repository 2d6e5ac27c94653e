using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace MapReduceGen.CodeFixes
{
    /// <summary>Fixes MRG0003 by adding <c>partial</c> to the job class or the type containing it.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakePartialCodeFix)), Shared]
    public sealed class MakePartialCodeFix : AddModifierCodeFix<TypeDeclarationSyntax>
    {
        /// <summary>Creates the fix.</summary>
        public MakePartialCodeFix()
            : base("MRG0003", "partial") // TypeNotPartial in the generator's DiagnosticDescriptors
        {
        }

        /// <inheritdoc/>
        protected override string NameOf(TypeDeclarationSyntax declaration) => declaration.Identifier.ValueText;

        /// <inheritdoc/>
        protected override DeclarationModifiers Add(DeclarationModifiers modifiers) => modifiers.WithPartial(true);
    }
}
