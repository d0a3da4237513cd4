using Microsoft.CodeAnalysis;

namespace SecureLogging.Analyzers.Internal;

internal static class NamespaceExtensions
{
    /// <summary>The outermost namespace a type is declared in (<c>System</c> for <c>System.IO.FileInfo</c>); null in the global namespace.</summary>
    public static string? RootNamespaceName(this ITypeSymbol type)
    {
        var ns = type.ContainingNamespace;
        if (ns is null || ns.IsGlobalNamespace)
        {
            return null;
        }

        while (ns.ContainingNamespace is { IsGlobalNamespace: false } parent)
        {
            ns = parent;
        }

        return ns.Name;
    }
}
