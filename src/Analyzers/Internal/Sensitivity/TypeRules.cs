using Microsoft.CodeAnalysis;

namespace SecureLogging.Analyzers.Internal.Sensitivity;

/// <summary>
/// The type rules of SPEC §5: <c>bool</c>, <c>TimeSpan</c>, enums and <c>CancellationToken</c> never carry a secret;
/// dates carry personal data only (a date of birth); <c>Guid</c> is only a secret under a secret name; integers only
/// under card, cvv, pin, account-number, otp or verification-code names. Arrays and generic collections are judged by
/// their element type.
/// </summary>
internal static class TypeRules
{
    public static TypeClass Classify(ITypeSymbol? type, SensitivitySymbols symbols)
    {
        if (type is null)
        {
            return TypeClass.Other;
        }

        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T, TypeArguments.Length: 1 } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        if (type is IArrayTypeSymbol array && array.ElementType.SpecialType is not (SpecialType.System_Byte or SpecialType.System_Char))
        {
            return Classify(array.ElementType, symbols);
        }

        // A collection is judged by its elements, like an array: List<Guid> userIdsWithNullEmail holds ids, not emails.
        if (type is INamedTypeSymbol { IsGenericType: true } generic && ElementType(generic) is { } element
            && element.SpecialType is not (SpecialType.System_Byte or SpecialType.System_Char))
        {
            return Classify(element, symbols);
        }

        if (type.TypeKind == TypeKind.Enum)
        {
            return TypeClass.Exempt;
        }

        switch (type.SpecialType)
        {
            case SpecialType.System_Boolean:
            case SpecialType.System_Void:
                return TypeClass.Exempt;
            case SpecialType.System_DateTime:
                return TypeClass.Date;
            case SpecialType.System_SByte:
            case SpecialType.System_Byte:
            case SpecialType.System_Int16:
            case SpecialType.System_UInt16:
            case SpecialType.System_Int32:
            case SpecialType.System_UInt32:
            case SpecialType.System_Int64:
            case SpecialType.System_UInt64:
            case SpecialType.System_Decimal:
            case SpecialType.System_Single:
            case SpecialType.System_Double:
                return TypeClass.Numeric;
        }

        var comparer = SymbolEqualityComparer.Default;
        if (comparer.Equals(type, symbols.TimeSpan) || comparer.Equals(type, symbols.CancellationToken))
        {
            return TypeClass.Exempt;
        }

        if (comparer.Equals(type, symbols.DateTimeOffset) || comparer.Equals(type, symbols.DateOnly) || comparer.Equals(type, symbols.TimeOnly))
        {
            return TypeClass.Date;
        }

        return comparer.Equals(type, symbols.Guid) ? TypeClass.Guid : TypeClass.Other;
    }

    /// <summary>Keeps a name-based verdict only when the value's type can carry that kind of data.</summary>
    public static Verdict Apply(Verdict verdict, ITypeSymbol? type, SensitivitySymbols symbols)
    {
        if (!verdict.IsSensitive)
        {
            return verdict;
        }

        switch (Classify(type, symbols))
        {
            case TypeClass.Exempt:
                return Verdict.Excluded;
            case TypeClass.Date:
                return verdict.Category == SensitiveCategory.Personal ? verdict : Verdict.Excluded;
            case TypeClass.Guid:
                return verdict.Category == SensitiveCategory.Secret ? verdict : Verdict.Excluded;
            case TypeClass.Numeric:
                return verdict.Category == SensitiveCategory.Card || IsNumericSecret(verdict.Phrase) ? verdict : Verdict.Excluded;
            default:
                return verdict;
        }
    }

    /// <summary>T of a type that is or implements <c>IEnumerable&lt;T&gt;</c> (not <c>string</c>), or null.</summary>
    private static ITypeSymbol? ElementType(INamedTypeSymbol type)
    {
        if (type.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
        {
            return type.TypeArguments[0];
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (implemented.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
            {
                return implemented.TypeArguments[0];
            }
        }

        return null;
    }

    private static bool IsNumericSecret(string? phrase)
        // Phrases as the word splitter writes them: every kind of verification code, pins and one-time passwords.
        => phrase is "pin" or "pin code" or "otp" or "otp code" or "verification code" or "mfa code" or "2 fa code" or
           "authenticator code" or "one time code" or "one time password" or "recovery code";
}

internal enum TypeClass
{
    Other,
    Exempt,
    Date,
    Guid,
    Numeric,
}
