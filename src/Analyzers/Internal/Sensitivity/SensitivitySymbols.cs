using Microsoft.CodeAnalysis;

namespace SecureLogging.Analyzers.Internal.Sensitivity;

/// <summary>The types the classifier of SPEC §5 recognises, resolved once per compilation. Any of them may be absent.</summary>
internal sealed class SensitivitySymbols
{
    public SensitivitySymbols(Compilation compilation)
    {
        SensitiveAttribute = Get(compilation, "SecureLogging.SensitiveAttribute");
        NotSensitiveAttribute = Get(compilation, "SecureLogging.NotSensitiveAttribute");
        Redact = Get(compilation, "SecureLogging.Redact");
        PersonalDataAttribute = Get(compilation, "Microsoft.AspNetCore.Identity.PersonalDataAttribute");
        DataClassificationAttribute = Get(compilation, "Microsoft.Extensions.Compliance.Classification.DataClassificationAttribute");
        Redactor = Get(compilation, "Microsoft.Extensions.Compliance.Redaction.Redactor");
        SecureString = Get(compilation, "System.Security.SecureString");
        NetworkCredential = Get(compilation, "System.Net.NetworkCredential");
        AuthenticationHeaderValue = Get(compilation, "System.Net.Http.Headers.AuthenticationHeaderValue");
        HeaderDictionary = Get(compilation, "Microsoft.AspNetCore.Http.IHeaderDictionary");
        RequestCookieCollection = Get(compilation, "Microsoft.AspNetCore.Http.IRequestCookieCollection");
        JwtSecurityToken = Get(compilation, "System.IdentityModel.Tokens.Jwt.JwtSecurityToken");
        Configuration = Get(compilation, "Microsoft.Extensions.Configuration.IConfiguration");
        ConfigurationBinder = Get(compilation, "Microsoft.Extensions.Configuration.ConfigurationBinder");
        ConfigurationExtensions = Get(compilation, "Microsoft.Extensions.Configuration.ConfigurationExtensions");
        CancellationToken = Get(compilation, "System.Threading.CancellationToken");
        TimeSpan = Get(compilation, "System.TimeSpan");
        DateTimeOffset = Get(compilation, "System.DateTimeOffset");
        DateOnly = Get(compilation, "System.DateOnly");
        TimeOnly = Get(compilation, "System.TimeOnly");
        Guid = Get(compilation, "System.Guid");
        Exception = Get(compilation, "System.Exception");
        Enumerable = compilation.GetSpecialType(SpecialType.System_Collections_Generic_IEnumerable_T);
    }

    public INamedTypeSymbol? SensitiveAttribute { get; }

    public INamedTypeSymbol? NotSensitiveAttribute { get; }

    public INamedTypeSymbol? Redact { get; }

    public INamedTypeSymbol? PersonalDataAttribute { get; }

    public INamedTypeSymbol? DataClassificationAttribute { get; }

    public INamedTypeSymbol? Redactor { get; }

    public INamedTypeSymbol? SecureString { get; }

    public INamedTypeSymbol? NetworkCredential { get; }

    public INamedTypeSymbol? AuthenticationHeaderValue { get; }

    public INamedTypeSymbol? HeaderDictionary { get; }

    public INamedTypeSymbol? RequestCookieCollection { get; }

    public INamedTypeSymbol? JwtSecurityToken { get; }

    public INamedTypeSymbol? Configuration { get; }

    public INamedTypeSymbol? ConfigurationBinder { get; }

    public INamedTypeSymbol? ConfigurationExtensions { get; }

    public INamedTypeSymbol? CancellationToken { get; }

    public INamedTypeSymbol? TimeSpan { get; }

    public INamedTypeSymbol? DateTimeOffset { get; }

    public INamedTypeSymbol? DateOnly { get; }

    public INamedTypeSymbol? TimeOnly { get; }

    public INamedTypeSymbol? Guid { get; }

    public INamedTypeSymbol? Exception { get; }

    public INamedTypeSymbol Enumerable { get; }

    /// <summary>True when <paramref name="type"/> is <paramref name="target"/> or implements/derives from it.</summary>
    public static bool IsOrInherits(ITypeSymbol? type, INamedTypeSymbol? target)
    {
        if (type is null || target is null)
        {
            return false;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, target))
            {
                return true;
            }
        }

        if (target.TypeKind == TypeKind.Interface)
        {
            foreach (var implemented in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, target))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Compares a type with a full metadata name without resolving it: third-party attributes (Destructurama, JSON) need not be referenced.</summary>
    public static bool HasFullName(ITypeSymbol? type, string containingNamespace, string name)
    {
        if (type is null || type.Name != name)
        {
            return false;
        }

        var ns = type.ContainingNamespace;
        var parts = containingNamespace.Split('.');
        for (var i = parts.Length - 1; i >= 0; i--)
        {
            if (ns is null || ns.Name != parts[i])
            {
                return false;
            }

            ns = ns.ContainingNamespace;
        }

        return ns is null || ns.IsGlobalNamespace;
    }

    private static INamedTypeSymbol? Get(Compilation compilation, string name) => compilation.GetBestTypeByMetadataName(name);
}
