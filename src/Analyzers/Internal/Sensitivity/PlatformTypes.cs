using System;
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
    private static readonly string[] NoPersonNamespaces =
    [
        "System.Reflection", "System.IO", "System.Globalization", "System.Diagnostics", "System.Runtime", "System.Text",
        "Microsoft.CodeAnalysis", "Microsoft.Build", "Microsoft.Extensions.FileProviders",
    ];

    /// <summary>True when <paramref name="member"/> is a property or field declared by such a platform type.</summary>
    /// <remarks>Asked only of members whose names are personal words, so the namespace's display string is affordable.</remarks>
    public static bool DescribesNoPerson(ISymbol member)
    {
        if (member is not (IPropertySymbol or IFieldSymbol) || member.ContainingType?.ContainingNamespace is not { IsGlobalNamespace: false } ns)
        {
            return false;
        }

        // System.Type, System.AppDomain, System.Environment...: the root System namespace itself holds no person types.
        var name = ns.ToDisplayString();
        if (name == "System")
        {
            return true;
        }

        foreach (var prefix in NoPersonNamespaces)
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal) && (name.Length == prefix.Length || name[prefix.Length] == '.'))
            {
                return true;
            }
        }

        return false;
    }
}
