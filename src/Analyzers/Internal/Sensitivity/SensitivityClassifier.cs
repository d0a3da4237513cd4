using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SecureLogging.Analyzers.Internal;

namespace SecureLogging.Analyzers.Internal.Sensitivity;

/// <summary>
/// Judges a value by its name, the placeholder it fills, its type, its attributes and where it came from (SPEC §5).
/// One instance per compilation and word-list configuration; caches per symbol and type. Thread-safe.
/// </summary>
internal sealed partial class SensitivityClassifier
{
    private const int MaxDepth = 6;

    [ThreadStatic]
    private static HashSet<ILocalSymbol>? s_localsInProgress;

    private readonly ConcurrentDictionary<ILocalSymbol, Verdict> _locals = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ITypeSymbol, Verdict> _secretTypes = new(SymbolEqualityComparer.Default);

    public SensitivityClassifier(SensitivitySymbols symbols, NameClassifier names)
    {
        Symbols = symbols;
        Names = names;
        Objects = new ObjectInspector(this);
    }

    public SensitivitySymbols Symbols { get; }

    public NameClassifier Names { get; }

    public ObjectInspector Objects { get; }

    /// <summary>
    /// The verdict on a logged value: its own name, source, type and attributes first; when they say nothing either
    /// way, the placeholder (anonymous member, dictionary key, parameter) it fills.
    /// </summary>
    public Verdict Classify(IOperation value, string? placeholder)
    {
        var verdict = Judge(value, 0);
        if (verdict.IsSensitive || verdict.IsExcluded || placeholder is null)
        {
            return verdict;
        }

        var byPlaceholder = TypeRules.Apply(Verdict.FromName(Names.Classify(placeholder)), value.WalkDownConversions().Type, Symbols);
        return byPlaceholder.IsSensitive
            ? byPlaceholder.WithReason("fills '" + placeholder + "', which names " + Verdict.Article(byPlaceholder.Phrase ?? "a secret"))
            : Verdict.Unknown;
    }

    /// <summary>The verdict on a declared symbol (a property, field or parameter) by its attributes, name and type.</summary>
    public Verdict JudgeSymbol(ISymbol symbol, ITypeSymbol? type)
    {
        var byAttribute = Attributes(symbol);
        if (byAttribute.IsSensitive || byAttribute.IsExcluded)
        {
            return byAttribute;
        }

        var bySource = SourceMember(symbol);
        if (bySource.IsSensitive)
        {
            return bySource;
        }

        var bySecretType = SecretType(type);
        if (bySecretType.IsSensitive)
        {
            return bySecretType;
        }

        if (Whole(type) is { IsSensitive: true } whole)
        {
            return whole;
        }

        var byName = TypeRules.Apply(Verdict.FromName(Names.Classify(symbol.Name)), type, Symbols);
        return byName.IsSensitive && byName.Kind.Category() == SensitiveCategory.Personal && PlatformTypes.DescribesNoPerson(symbol)
            ? Verdict.Excluded
            : byName;
    }

    /// <summary>A type whose name is a secret word (<c>ApiKey</c>, <c>AccessToken</c>) is a secret as a whole, unless marked [NotSensitive].</summary>
    public Verdict SecretType(ITypeSymbol? type)
    {
        if (type is not INamedTypeSymbol named || named.SpecialType != SpecialType.None || named.TypeKind is not (TypeKind.Class or TypeKind.Struct or TypeKind.Interface))
        {
            return Verdict.Unknown;
        }

        return _secretTypes.GetOrAdd(named.OriginalDefinition, t =>
        {
            if (TypeRules.Classify(t, Symbols) != TypeClass.Other || HasAttribute(t, Symbols.NotSensitiveAttribute) || t.Name.Length == 0)
            {
                return Verdict.Unknown;
            }

            var name = Names.Classify(t.Name);
            return name.IsSensitive && name.Kind.Category() == SensitiveCategory.Secret
                ? Verdict.Sensitive(name.Kind, "is " + Verdict.Article(t.Name) + ", whose type is a secret as a whole", name.Phrase)
                : Verdict.Unknown;
        });
    }

    private Verdict Judge(IOperation operation, int depth)
    {
        if (depth > MaxDepth)
        {
            return Verdict.Unknown;
        }

        operation = operation.WalkDownConversions();
        var type = operation.Type;
        if (TypeRules.Classify(type, Symbols) == TypeClass.Exempt)
        {
            return Verdict.Excluded;
        }

        if (Whole(type) is { IsSensitive: true } whole)
        {
            return whole;
        }

        var bySecretType = SecretType(type);
        if (bySecretType.IsSensitive)
        {
            return bySecretType;
        }

        if (type is not null && HasAttribute(type.OriginalDefinition, Symbols.NotSensitiveAttribute))
        {
            return Verdict.Excluded;
        }

        switch (operation)
        {
            case IInvocationOperation invocation:
                return JudgeInvocation(invocation, depth);
            case ILocalReferenceOperation local:
                return JudgeLocal(local, depth);
            case IParameterReferenceOperation parameter:
                return JudgeSymbol(parameter.Parameter, parameter.Type);
            case IPropertyReferenceOperation property:
                return JudgeProperty(property, depth);
            case IFieldReferenceOperation field:
                return JudgeMember(field, field.Field, depth);
            case IArrayElementReferenceOperation element:
                return TypeRules.Apply(Judge(element.ArrayReference, depth + 1), type, Symbols);
            case IImplicitIndexerReferenceOperation slice:
                // token[..8], cardNumber[^4..]: a range of a sensitive string is Substring by another name.
                return Derived(Judge(slice.Instance, depth + 1), slice.Instance, type);
            case IAwaitOperation awaited:
                return Judge(awaited.Operation, depth + 1);
            case ICoalesceOperation coalesce:
                return Verdict.Max(Judge(coalesce.Value, depth + 1), Judge(coalesce.WhenNull, depth + 1));
            case IConditionalOperation conditional:
                return conditional.WhenFalse is null
                    ? Verdict.Unknown
                    : Verdict.Max(Judge(conditional.WhenTrue, depth + 1), Judge(conditional.WhenFalse, depth + 1));
            case IConditionalAccessOperation conditionalAccess:
                return Judge(conditionalAccess.WhenNotNull, depth + 1);
            case ISimpleAssignmentOperation assignment:
                return Judge(assignment.Value, depth + 1);
            case IInterpolatedStringOperation interpolated:
                return JudgeParts(interpolated, depth);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when binary.Type?.SpecialType == SpecialType.System_String:
                return Contains(Verdict.Max(Judge(binary.LeftOperand, depth + 1), Judge(binary.RightOperand, depth + 1)));
            default:
                return Verdict.Unknown;
        }
    }

    private Verdict JudgeParts(IInterpolatedStringOperation interpolated, int depth)
    {
        var result = Verdict.Unknown;
        foreach (var part in interpolated.Parts)
        {
            if (part is IInterpolationOperation hole)
            {
                var verdict = Judge(hole.Expression, depth + 1);
                if (verdict.IsSensitive)
                {
                    result = Verdict.Max(result, verdict.WithReason("contains '" + Display.Of(hole.Expression.Syntax) + "', which " + verdict.Reason));
                }
            }
        }

        return result.IsSensitive ? result : Verdict.Unknown;
    }

    private static Verdict Contains(Verdict verdict) => verdict.IsSensitive ? verdict : Verdict.Unknown;

    private Verdict JudgeProperty(IPropertyReferenceOperation reference, int depth)
    {
        var property = reference.Property;
        if (!property.IsIndexer)
        {
            return JudgeMember(reference, property, depth);
        }

        var key = reference.Arguments.Length == 1 ? reference.Arguments[0].Value.ConstantString() : null;
        var byKey = KeyedValue(reference.Instance, reference.Instance?.Type, key, reference.Type);
        if (byKey.IsSensitive || byKey.IsExcluded || key is not null)
        {
            return byKey;
        }

        // A non-constant index into a sensitive collection: tokens[i].
        return reference.Instance is null ? Verdict.Unknown : Derived(Judge(reference.Instance, depth + 1), reference.Instance, reference.Type);
    }

    /// <summary>
    /// A value read from a keyed collection — <c>Headers["Authorization"]</c>, <c>Form["password"]</c>, a request
    /// cookie, a configuration key — by the indexer or by <c>TryGetValue(key, out value)</c>, judged by its key.
    /// </summary>
    private Verdict KeyedValue(IOperation? receiver, ITypeSymbol? receiverType, string? key, ITypeSymbol? valueType)
    {
        if (SensitivitySymbols.IsOrInherits(receiverType, Symbols.RequestCookieCollection))
        {
            return Verdict.Sensitive(SensitiveKind.Secret, key is null ? "is a request cookie" : "is the request cookie '" + key + "'", "cookie");
        }

        if (key is null)
        {
            return Verdict.Unknown;
        }

        if (SensitivitySymbols.IsOrInherits(receiverType, Symbols.Configuration))
        {
            return TypeRules.Apply(ConfigurationKey(SectionPath(receiver, key)), valueType, Symbols);
        }

        var name = Names.Classify(key);
        var byKey = TypeRules.Apply(Verdict.FromName(name), valueType, Symbols);
        return byKey.IsSensitive ? byKey.WithReason("is read with the key \"" + key + "\", which names " + Verdict.Article(name.Phrase!)) : byKey;
    }

    private Verdict JudgeMember(IMemberReferenceOperation reference, ISymbol member, int depth)
    {
        var own = JudgeSymbol(member, reference.Type);
        if (own.IsSensitive || own.IsExcluded || reference.Instance is null)
        {
            return own;
        }

        var instance = Receiver(reference);
        if (instance is null || !InheritsFromReceiver(member.Name, instance.Type))
        {
            return own;
        }

        return Derived(Judge(instance, depth + 1), instance, reference.Type);
    }

    /// <summary>
    /// A member or method result of a sensitive value is sensitive unless its type is exempt (<c>token.Substring(0, 6)</c>
    /// yes, <c>password.Length</c> no). Only for scalar receivers (strings, buffers) and for members that are the
    /// value itself (<c>apiKey.Value</c>): a composite's members are judged on their own names (<c>credentials.UserName</c>).
    /// </summary>
    private bool InheritsFromReceiver(string memberName, ITypeSymbol? receiverType)
    {
        if (receiverType is null)
        {
            return false;
        }

        if (receiverType.SpecialType == SpecialType.System_String || receiverType is IArrayTypeSymbol ||
            receiverType.Name is "StringValues" or "ReadOnlySpan" or "Span" or "ReadOnlyMemory" or "Memory" or "StringBuilder")
        {
            return true;
        }

        return memberName is "ToString" or "Value" or "RawValue" or "Text" or "Raw" or "Plain" or "Plaintext" or "GetValue" or "AsString";
    }

    private Verdict Derived(Verdict receiver, IOperation instance, ITypeSymbol? resultType)
    {
        if (!receiver.IsSensitive)
        {
            return Verdict.Unknown;
        }

        // A length, count or index computed from a value is not the value: card-number.Length is not card data.
        if (TypeRules.Classify(resultType, Symbols) == TypeClass.Numeric)
        {
            return Verdict.Excluded;
        }

        var verdict = TypeRules.Apply(receiver, resultType, Symbols);
        return verdict.IsSensitive ? verdict.WithReason("is taken from '" + Display.Of(instance.Syntax) + "', which " + receiver.Reason) : verdict;
    }

    private static IOperation? Receiver(IMemberReferenceOperation reference)
    {
        var instance = reference.Instance;
        if (instance is IConditionalAccessInstanceOperation)
        {
            for (var parent = reference.Parent; parent is not null; parent = parent.Parent)
            {
                if (parent is IConditionalAccessOperation access)
                {
                    return access.Operation;
                }
            }

            return null;
        }

        return instance;
    }

    private Verdict JudgeLocal(ILocalReferenceOperation reference, int depth)
    {
        var local = reference.Local;
        var byName = TypeRules.Apply(Verdict.FromName(Names.Classify(local.Name)), local.Type, Symbols);
        if (byName.IsSensitive || byName.IsExcluded)
        {
            return byName;
        }

        if (_locals.TryGetValue(local, out var cached))
        {
            return cached;
        }

        var inProgress = s_localsInProgress ??= new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
        if (!inProgress.Add(local))
        {
            return Verdict.Unknown;
        }

        try
        {
            var verdict = TypeRules.Apply(Flow(local, reference.Root(), depth), local.Type, Symbols);
            return _locals.GetOrAdd(local, verdict.IsSensitive ? verdict : Verdict.Unknown);
        }
        finally
        {
            inProgress.Remove(local);
        }
    }
}
