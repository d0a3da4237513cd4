using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;

namespace SecureLogging.Analyzers.Internal.Sensitivity;

/// <summary>How a whole object reaches the log, which decides which members are written.</summary>
internal enum ObjectMode
{
    /// <summary><c>{@x}</c> / destructureObjects: Destructurama's [NotLogged]/[LogMasked] members are left out.</summary>
    Destructured,

    /// <summary><c>JsonSerializer.Serialize</c>/<c>JsonConvert.SerializeObject</c>: [JsonIgnore] members are left out.</summary>
    Serialized,

    /// <summary>A record's generated ToString(): every public member.</summary>
    Record,

    /// <summary>
    /// A <c>[LogProperties]</c> parameter of a <c>[LoggerMessage]</c> method: every property but those marked
    /// <c>[LogPropertyIgnore]</c>, and classified members, which the redaction pipeline handles (SL4003 when it is off).
    /// </summary>
    LogProperties,
}

/// <summary>
/// Judges an object by its members two levels deep (SPEC §5 "Objects"): the worst member decides — a secret or card
/// member makes SL1004, personal members only SL1003. Cached per type and mode for the compilation.
/// </summary>
internal sealed class ObjectInspector
{
    private const int MaxLevels = 2;

    private readonly SensitivityClassifier _classifier;
    private readonly ConcurrentDictionary<ITypeSymbol, Verdict>[] _cache =
    {
        new(SymbolEqualityComparer.Default), new(SymbolEqualityComparer.Default), new(SymbolEqualityComparer.Default),
        new(SymbolEqualityComparer.Default),
    };

    public ObjectInspector(SensitivityClassifier classifier)
    {
        _classifier = classifier;
    }

    /// <summary>True for the request header and cookie collections, which are SL1004 whole with or without <c>@</c>.</summary>
    public bool IsRequestCollection(ITypeSymbol? type)
        => SensitivitySymbols.IsOrInherits(type, _classifier.Symbols.HeaderDictionary) ||
           SensitivitySymbols.IsOrInherits(type, _classifier.Symbols.RequestCookieCollection);

    /// <summary>The worst member of an object of <paramref name="type"/> written in <paramref name="mode"/>; its reason names the member.</summary>
    public Verdict Inspect(ITypeSymbol? type, ObjectMode mode)
    {
        if (type is not null && !IsInspectable(type) && mode != ObjectMode.Record)
        {
            // A destructured or serialised collection writes each element: List<Payment>, Payment[].
            type = ElementOrSelf(type);
        }

        if (!IsInspectable(type))
        {
            return Verdict.Unknown;
        }

        return _cache[(int)mode].GetOrAdd(type!, t => InspectUncached(t, mode, 1, t.Name));
    }

    /// <summary>Types whose members a sink writes: classes, structs and records of the application (not strings, primitives, framework types).</summary>
    public bool IsInspectable(ITypeSymbol? type)
    {
        if (type is null || type.SpecialType != SpecialType.None || type.TypeKind is not (TypeKind.Class or TypeKind.Struct or TypeKind.Interface))
        {
            return false;
        }

        if (_classifier.Symbols.Exception is { } exception && SensitivitySymbols.IsOrInherits(type, exception))
        {
            return false;
        }

        var root = type.RootNamespaceName();
        if (root == "Microsoft" && IsIdentityUser(type))
        {
            // ASP.NET Core Identity's user is the application's own account record: PasswordHash, SecurityStamp,
            // Email and PhoneNumber are all written when an IdentityUser is destructured or serialised.
            return true;
        }

        return root is not ("System" or "Microsoft" or "Newtonsoft" or "Serilog" or "NLog" or "log4net");
    }

    private static bool IsIdentityUser(ITypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SensitivitySymbols.HasFullName(current.OriginalDefinition, "Microsoft.AspNetCore.Identity", "IdentityUser"))
            {
                return true;
            }
        }

        return false;
    }

    private Verdict InspectUncached(ITypeSymbol type, ObjectMode mode, int level, string path)
    {
        var worst = Verdict.Unknown;
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (member.IsStatic || member.DeclaredAccessibility != Accessibility.Public || member.IsImplicitlyDeclared)
                {
                    continue;
                }

                ITypeSymbol? memberType = member switch
                {
                    IPropertySymbol { IsIndexer: false, GetMethod: not null } property => property.Type,
                    IFieldSymbol field => field.Type,
                    _ => null,
                };

                if (memberType is null || IsLeftOut(member, mode))
                {
                    continue;
                }

                var verdict = JudgeMember(member, memberType, mode, level, path);
                if (verdict.IsSensitive && (!worst.IsSensitive || verdict.Kind.IsStrongerThan(worst.Kind)))
                {
                    worst = verdict;
                    if (worst.Category == SensitiveCategory.Secret)
                    {
                        return worst;
                    }
                }
            }

            if (mode == ObjectMode.Record && !current.IsRecord)
            {
                break;
            }
        }

        return worst;
    }

    private Verdict JudgeMember(ISymbol member, ITypeSymbol memberType, ObjectMode mode, int level, string path)
    {
        var memberPath = path + "." + member.Name;
        if (IsRequestCollection(memberType))
        {
            return Verdict.Sensitive(SensitiveKind.Secret, "its member '" + memberPath + "' holds request headers or cookies", "authorization header");
        }

        var own = _classifier.JudgeSymbol(member, memberType);
        if (own.IsSensitive)
        {
            return own.WithReason("its member '" + memberPath + "' " + own.Reason);
        }

        if (own.IsExcluded || level >= MaxLevels)
        {
            return Verdict.Unknown;
        }

        var nested = ElementOrSelf(memberType);
        if (!IsInspectable(nested) || SymbolEqualityComparer.Default.Equals(nested, member.ContainingType))
        {
            return Verdict.Unknown;
        }

        // A record member prints with its own ToString: records print their members, other classes their type name.
        if (mode == ObjectMode.Record && !nested!.IsRecord)
        {
            return Verdict.Unknown;
        }

        return InspectUncached(nested!, mode, level + 1, memberPath);
    }

    private bool IsLeftOut(ISymbol member, ObjectMode mode)
    {
        if (mode == ObjectMode.Record)
        {
            return false;
        }

        if (mode == ObjectMode.LogProperties && _classifier.IsClassified(member))
        {
            return true;
        }

        foreach (var attribute in member.GetAttributes())
        {
            var type = attribute.AttributeClass;
            if (mode == ObjectMode.LogProperties && SensitivitySymbols.HasFullName(type, "Microsoft.Extensions.Logging", "LogPropertyIgnoreAttribute"))
            {
                return true;
            }

            if (mode == ObjectMode.Destructured &&
                (SensitivitySymbols.HasFullName(type, "Destructurama.Attributed", "NotLoggedAttribute") ||
                 SensitivitySymbols.HasFullName(type, "Destructurama.Attributed", "LogMaskedAttribute")))
            {
                return true;
            }

            if (mode == ObjectMode.Serialized &&
                (SensitivitySymbols.HasFullName(type, "Newtonsoft.Json", "JsonIgnoreAttribute") ||
                 (SensitivitySymbols.HasFullName(type, "System.Text.Json.Serialization", "JsonIgnoreAttribute") && !IsConditionalIgnore(attribute))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>[JsonIgnore(Condition = Never | WhenWritingNull | WhenWritingDefault)]</c> still writes a set value.</summary>
    private static bool IsConditionalIgnore(AttributeData attribute)
    {
        foreach (var named in attribute.NamedArguments)
        {
            if (named.Key == "Condition" && named.Value.Value is int condition)
            {
                return condition != 1; // JsonIgnoreCondition.Always
            }
        }

        return false;
    }

    private ITypeSymbol? ElementOrSelf(ITypeSymbol type)
    {
        if (type is IArrayTypeSymbol array)
        {
            return array.ElementType;
        }

        if (type is INamedTypeSymbol { IsGenericType: true } named)
        {
            foreach (var implemented in named.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, _classifier.Symbols.Enumerable))
                {
                    return implemented.TypeArguments[0];
                }
            }

            if (SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, _classifier.Symbols.Enumerable))
            {
                return named.TypeArguments[0];
            }
        }

        return type;
    }
}
