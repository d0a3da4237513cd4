using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace SecureLogging.Analyzers.Internal.Logging;

/// <summary>Methods carrying Microsoft.Extensions.Logging's <c>[LoggerMessage]</c> (the source-generated logging methods).</summary>
internal static class LoggerMessageMethods
{
    public static bool IsLoggerMessageMethod(IMethodSymbol method, LoggingSymbols symbols) => GetAttribute(method, symbols) is not null;

    public static AttributeData? GetAttribute(IMethodSymbol method, LoggingSymbols symbols)
    {
        if (symbols.MelLoggerMessageAttribute is null)
        {
            return null;
        }

        foreach (var attribute in method.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, symbols.MelLoggerMessageAttribute))
            {
                return attribute;
            }
        }

        return null;
    }

    /// <summary>The template given in the attribute (<c>Message = "…"</c> or the constructor's message argument).</summary>
    public static string? Template(AttributeData attribute)
    {
        foreach (var named in attribute.NamedArguments)
        {
            if (named.Key == "Message" && named.Value.Value is string message)
            {
                return message;
            }
        }

        foreach (var argument in attribute.ConstructorArguments)
        {
            if (argument.Kind == TypedConstantKind.Primitive && argument.Value is string message)
            {
                return message;
            }
        }

        return null;
    }

    /// <summary>Parameter names that the template destructures (<c>{@order}</c>); compared case-insensitively, as the generator does.</summary>
    public static HashSet<string> DestructuredPlaceholders(IMethodSymbol method, LoggingSymbols symbols)
    {
        var result = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase);
        if (GetAttribute(method, symbols) is { } attribute && Template(attribute) is { } template)
        {
            foreach (var placeholder in MessageTemplate.Parse(template))
            {
                if (placeholder.IsDestructured)
                {
                    result.Add(placeholder.Name);
                }
            }
        }

        return result;
    }
}
