using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MapReduceGen.Generator.Parsing
{
    /// <summary>Where a diagnostic goes: the smallest piece of syntax that is wrong.</summary>
    internal static class SourceLocations
    {
        /// <summary>A method's or type's name (its identifier), or its declaration.</summary>
        public static Location Name(ISymbol symbol)
        {
            foreach (SyntaxReference reference in symbol.DeclaringSyntaxReferences)
            {
                SyntaxNode node = reference.GetSyntax();
                SyntaxToken identifier = node switch
                {
                    MethodDeclarationSyntax m => m.Identifier,
                    BaseTypeDeclarationSyntax t => t.Identifier,
                    LocalFunctionStatementSyntax f => f.Identifier,
                    PropertyDeclarationSyntax p => p.Identifier,
                    VariableDeclaratorSyntax v => v.Identifier,
                    _ => default,
                };
                return identifier != default ? identifier.GetLocation() : node.GetLocation();
            }

            return symbol.Locations.FirstOrDefault() ?? Location.None;
        }

        /// <summary>A whole parameter (its modifiers, type and name).</summary>
        public static Location Parameter(IParameterSymbol parameter) =>
            parameter.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is ParameterSyntax syntax
                ? syntax.GetLocation()
                : parameter.Locations.FirstOrDefault() ?? Location.None;

        /// <summary>A method's return type.</summary>
        public static Location ReturnType(IMethodSymbol method) =>
            method.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is MethodDeclarationSyntax syntax
                ? syntax.ReturnType.GetLocation()
                : Name(method);

        /// <summary>Where a mapper says its key and value types: its <c>Emitter</c> parameter, or its return type.</summary>
        public static Location EmittedTypes(MapperRead mapper) =>
            mapper.Shape == Model.MapperShape.Emitter && mapper.Method.Parameters.Length >= 2
                ? Parameter(mapper.Method.Parameters[1])
                : ReturnType(mapper.Method);

        /// <summary>A method's attribute of the given type, or its name when the attribute is not in source.</summary>
        public static Location Attribute(IMethodSymbol method, INamedTypeSymbol? attributeType)
        {
            foreach (AttributeData attribute in method.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType) &&
                    attribute.ApplicationSyntaxReference?.GetSyntax() is { } syntax)
                {
                    return syntax.GetLocation();
                }
            }

            return Name(method);
        }
    }
}
