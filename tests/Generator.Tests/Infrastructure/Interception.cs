using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MapReduceGen.Generator.Tests.Infrastructure;

/// <summary>What the compiler made of a compilation's calls: which ones a generated interceptor replaces.</summary>
internal static class Interception
{
    /// <summary>The interceptor each intercepted call of the compilation binds to.</summary>
    public static List<IMethodSymbol> InterceptedCalls(Compilation compilation)
    {
        var intercepted = new List<IMethodSymbol>();
        foreach (SyntaxTree tree in compilation.SyntaxTrees)
        {
            SemanticModel model = compilation.GetSemanticModel(tree);
            foreach (InvocationExpressionSyntax call in tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
#pragma warning disable RSEXPERIMENTAL002 // The API that tells which interceptor a call binds to.
                if (model.GetInterceptorMethod(call) is { } interceptor)
#pragma warning restore RSEXPERIMENTAL002
                {
                    intercepted.Add(interceptor);
                }
            }
        }

        return intercepted;
    }
}
