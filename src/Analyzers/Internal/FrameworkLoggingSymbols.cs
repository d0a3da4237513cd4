using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SecureLogging.Analyzers.Internal;

/// <summary>
/// The framework types whose logging switches SL4002 knows, resolved once per compilation. Any of them may be absent
/// (a project without EF Core, a library without ASP.NET Core): each check then answers false.
/// </summary>
internal sealed class FrameworkLoggingSymbols
{
    private FrameworkLoggingSymbols(Compilation compilation)
    {
        DbContextOptionsBuilder = compilation.GetBestTypeByMetadataName("Microsoft.EntityFrameworkCore.DbContextOptionsBuilder");
        IdentityModelEventSource = compilation.GetBestTypeByMetadataName("Microsoft.IdentityModel.Logging.IdentityModelEventSource");
        HttpLoggingOptions = compilation.GetBestTypeByMetadataName("Microsoft.AspNetCore.HttpLogging.HttpLoggingOptions");
        HttpLoggingFields = compilation.GetBestTypeByMetadataName("Microsoft.AspNetCore.HttpLogging.HttpLoggingFields");
        HttpLoggingInterceptorContext = compilation.GetBestTypeByMetadataName("Microsoft.AspNetCore.HttpLogging.HttpLoggingInterceptorContext");
        HttpLoggingEndpointExtensions = compilation.GetBestTypeByMetadataName("Microsoft.AspNetCore.Builder.HttpLoggingEndpointConventionBuilderExtensions");
        HeaderNames = compilation.GetBestTypeByMetadataName("Microsoft.Net.Http.Headers.HeaderNames");
        RequestBodyFlag = FlagValue(HttpLoggingFields, "RequestBody");
    }

    public INamedTypeSymbol? DbContextOptionsBuilder { get; }

    public INamedTypeSymbol? IdentityModelEventSource { get; }

    public INamedTypeSymbol? HttpLoggingOptions { get; }

    public INamedTypeSymbol? HttpLoggingFields { get; }

    public INamedTypeSymbol? HttpLoggingInterceptorContext { get; }

    public INamedTypeSymbol? HttpLoggingEndpointExtensions { get; }

    public INamedTypeSymbol? HeaderNames { get; }

    /// <summary>The value of <c>HttpLoggingFields.RequestBody</c> (0 when the enum is absent).</summary>
    private long RequestBodyFlag { get; }

    public static FrameworkLoggingSymbols Create(Compilation compilation) => new(compilation);

    /// <summary><c>DbContextOptionsBuilder</c>, <c>DbContextOptionsBuilder&lt;TContext&gt;</c> and any subclass.</summary>
    public bool IsEfOptionsBuilder(INamedTypeSymbol? type)
    {
        if (DbContextOptionsBuilder is null)
        {
            return false;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, DbContextOptionsBuilder))
            {
                return true;
            }
        }

        return false;
    }

    public bool IsRequestHeaders(IPropertySymbol property)
        => property.Name == "RequestHeaders" && SymbolEqualityComparer.Default.Equals(property.ContainingType, HttpLoggingOptions);

    /// <summary>
    /// "Authorization" or "Cookie" when <paramref name="value"/> names that request header — a constant string in any
    /// case (header names are case-insensitive, and so is the options' set) or <c>HeaderNames.Authorization/Cookie</c>
    /// (static readonly fields since ASP.NET Core 5, so not constants); otherwise null.
    /// </summary>
    public string? SensitiveHeaderName(IOperation value)
    {
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        if (value.ConstantValue is { HasValue: true, Value: string text })
        {
            return Match(text);
        }

        ISymbol? member = value switch
        {
            IFieldReferenceOperation field => field.Field,
            IPropertyReferenceOperation property => property.Property,
            _ => null,
        };

        return member is not null && HeaderNames is not null && SymbolEqualityComparer.Default.Equals(member.ContainingType, HeaderNames)
            ? Match(member.Name)
            : null;

        static string? Match(string name)
        {
            name = name.Trim();
            if (string.Equals(name, "Authorization", StringComparison.OrdinalIgnoreCase))
            {
                return "Authorization";
            }

            return string.Equals(name, "Cookie", StringComparison.OrdinalIgnoreCase) ? "Cookie" : null;
        }
    }

    /// <summary>Whether a constant <c>HttpLoggingFields</c> value has the <c>RequestBody</c> bit (so <c>Request</c> and <c>All</c> do).</summary>
    public bool IncludesRequestBody(IOperation value)
    {
        if (RequestBodyFlag == 0
            || value is IConversionOperation { Conversion.Exists: false }
            || value.ConstantValue is not { HasValue: true, Value: { } constant })
        {
            return false;
        }

        return constant switch
        {
            int i => (i & RequestBodyFlag) != 0,
            long l => (l & RequestBodyFlag) != 0,
            uint u => (u & RequestBodyFlag) != 0,
            short s => (s & RequestBodyFlag) != 0,
            _ => false,
        };
    }

    private static long FlagValue(INamedTypeSymbol? enumType, string name)
    {
        if (enumType is null)
        {
            return 0;
        }

        foreach (var member in enumType.GetMembers(name))
        {
            if (member is IFieldSymbol { HasConstantValue: true, ConstantValue: { } value })
            {
                return Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }
}
