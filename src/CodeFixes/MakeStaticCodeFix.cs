using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace MapReduceGen.CodeFixes
{
    /// <summary>Fixes MRG0001 by adding <c>static</c> to the mapper or reducer.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakeStaticCodeFix)), Shared]
    public sealed class MakeStaticCodeFix : AddModifierCodeFix<MethodDeclarationSyntax>
    {
        /// <summary>Creates the fix.</summary>
        public MakeStaticCodeFix()
            : base("MRG0001", "static") // MethodNotStatic in the generator's DiagnosticDescriptors
        {
        }

        /// <inheritdoc/>
        protected override string NameOf(MethodDeclarationSyntax declaration) => declaration.Identifier.ValueText;

        /// <inheritdoc/>
        protected override DeclarationModifiers Add(DeclarationModifiers modifiers) => modifiers.WithIsStatic(true);
    }
}
