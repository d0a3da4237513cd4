using Microsoft.CodeAnalysis;

namespace SecureLogging.Analyzers.Internal.Sensitivity;

/// <summary>
/// Platform types whose members describe code, files, processes or text, never a person: <c>Type.FullName</c>,
/// <c>Assembly.FullName</c>, <c>FileInfo.FullName</c>, <c>ZipArchiveEntry.FullName</c> are names of things. A personal
/// word in the name of such a member is not personal data. Identity and contact types (<c>System.Security.Claims</c>,
/// <c>System.Net.Mail</c>, ASP.NET Core Identity) are not in these namespaces and keep their verdicts.
/// </summary>
internal static class PlatformTypes
{
    // Namespaces compared by their segments from the global namespace; a nested namespace of one listed here counts.
    private static readonly string[][] NoPersonNamespaces =
    [
        ["System", "Reflection"],
        ["System", "IO"],
        ["System", "Globalization"],
        ["System", "Diagnostics"],
        ["System", "Runtime"],
        ["System", "Text"],
        ["Microsoft", "CodeAnalysis"],
        ["Microsoft", "Build"],
        ["Microsoft", "Extensions", "FileProviders"],
    ];

    /// <summary>True when <paramref name="member"/> is a property or field declared by such a platform type.</summary>
    public static bool DescribesNoPerson(ISymbol member)
    {
        if (member is not (IPropertySymbol or IFieldSymbol) || member.ContainingType is not { } type)
        {
            return false;
        }

        // System.Type, System.AppDomain, System.Environment...: the root System namespace itself holds no person types.
        var ns = type.ContainingNamespace;
        if (ns is { Name: "System", ContainingNamespace.IsGlobalNamespace: true })
        {
            return true;
        }

        foreach (var prefix in NoPersonNamespaces)
        {
            if (StartsWith(ns, prefix))
            {
                return true;
            }
        }

        return false;
    }

    private static bool StartsWith(INamespaceSymbol? ns, string[] prefix)
    {
        // Walk up to the namespace that is prefix.Length deep, then compare segment by segment from the end.
        var depth = 0;
        for (var n = ns; n is { IsGlobalNamespace: false }; n = n.ContainingNamespace)
        {
            depth++;
        }

        if (depth < prefix.Length)
        {
            return false;
        }

        var current = ns;
        for (var i = depth; i > prefix.Length; i--)
        {
            current = current!.ContainingNamespace;
        }

        for (var i = prefix.Length - 1; i >= 0; i--)
        {
            if (current is null || current.Name != prefix[i])
            {
                return false;
            }

            current = current.ContainingNamespace;
        }

        return true;
    }
}
