using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;

namespace MapReduceGen.CodeFixes
{
    /// <summary>
    /// A code fix that adds one modifier to the declaration a diagnostic is reported on (the closest enclosing
    /// <typeparamref name="TDeclaration"/>), with fix-all support.
    /// </summary>
    /// <typeparam name="TDeclaration">The kind of declaration the modifier goes on.</typeparam>
    public abstract class AddModifierCodeFix<TDeclaration> : CodeFixProvider
        where TDeclaration : SyntaxNode
    {
        private readonly string _diagnosticId;
        private readonly string _modifier;

        /// <summary>Creates the fix.</summary>
        /// <param name="diagnosticId">The diagnostic it fixes.</param>
        /// <param name="modifier">The modifier's keyword, as the fix's title shows it.</param>
        protected AddModifierCodeFix(string diagnosticId, string modifier)
        {
            _diagnosticId = diagnosticId;
            _modifier = modifier;
        }

        /// <inheritdoc/>
        public sealed override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(_diagnosticId);

        /// <inheritdoc/>
        public sealed override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        /// <inheritdoc/>
        public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return;
            }

            foreach (Diagnostic diagnostic in context.Diagnostics)
            {
                TDeclaration? declaration = root.FindToken(diagnostic.Location.SourceSpan.Start).Parent?
                    .AncestorsAndSelf().OfType<TDeclaration>().FirstOrDefault();
                if (declaration is null)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Make '{NameOf(declaration)}' {_modifier}",
                        ct => AddModifierAsync(context.Document, declaration, ct),
                        equivalenceKey: GetType().Name),
                    diagnostic);
            }
        }

        /// <summary>The declared name, for the fix's title.</summary>
        /// <param name="declaration">The declaration.</param>
        /// <returns>Its name.</returns>
        protected abstract string NameOf(TDeclaration declaration);

        /// <summary>The declaration's modifiers with this fix's modifier added.</summary>
        /// <param name="modifiers">The current modifiers.</param>
        /// <returns>The new modifiers.</returns>
        protected abstract DeclarationModifiers Add(DeclarationModifiers modifiers);

        private async Task<Document> AddModifierAsync(Document document, TDeclaration declaration, CancellationToken cancellationToken)
        {
            DocumentEditor editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            editor.SetModifiers(declaration, Add(editor.Generator.GetModifiers(declaration)));
            return editor.GetChangedDocument();
        }
    }
}
