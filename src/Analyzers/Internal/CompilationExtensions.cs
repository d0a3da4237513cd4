using Microsoft.CodeAnalysis;

namespace SecureLogging.Analyzers.Internal;

internal static class CompilationExtensions
{
    /// <summary>
    /// Resolves a type by metadata name the way the compiler's own analyzers do: the unique type; else the one defined
    /// in this compilation; else the single one visible from a reference. Never throws; null when ambiguous or absent.
    /// (<see cref="Compilation.GetTypeByMetadataName"/> returns null as soon as two references define the name.)
    /// </summary>
    public static INamedTypeSymbol? GetBestTypeByMetadataName(this Compilation compilation, string fullyQualifiedMetadataName)
    {
        INamedTypeSymbol? type = null;
        foreach (var candidate in compilation.GetTypesByMetadataName(fullyQualifiedMetadataName))
        {
            if (SymbolEqualityComparer.Default.Equals(candidate.ContainingAssembly, compilation.Assembly))
            {
                return candidate;
            }

            if (!IsVisibleFrom(candidate, compilation.Assembly))
            {
                continue;
            }

            if (type is not null)
            {
                // Two visible candidates from references: ambiguous, as the compiler would say.
                return null;
            }

            type = candidate;
        }

        return type;
    }

    private static bool IsVisibleFrom(INamedTypeSymbol type, IAssemblySymbol assembly)
    {
        for (ISymbol? current = type; current is INamedTypeSymbol named; current = current.ContainingType)
        {
            switch (named.DeclaredAccessibility)
            {
                case Accessibility.Public:
                    continue;
                case Accessibility.Internal:
                case Accessibility.ProtectedOrInternal:
                    if (!named.ContainingAssembly.GivesAccessTo(assembly))
                    {
                        return false;
                    }

                    continue;
                default:
                    return false;
            }
        }

        return true;
    }
}
