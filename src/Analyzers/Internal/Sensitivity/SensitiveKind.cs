namespace SecureLogging.Analyzers.Internal.Sensitivity;

/// <summary>What a sensitive value is; the names are the <c>Kind</c> diagnostic property of CONTRACT §C.</summary>
internal enum SensitiveKind
{
    None = 0,
    Secret,
    Token,
    CardNumber,
    CardSecurityCode,
    BankAccount,
    Email,
    Phone,
    Personal,
}

/// <summary>Which rule family a kind belongs to: secrets (SL1001), card and bank data (SL1002), personal data (SL1003).</summary>
internal enum SensitiveCategory
{
    None = 0,
    Personal = 1,
    Card = 2,
    Secret = 3,
}

internal static class SensitiveKindExtensions
{
    public static SensitiveCategory Category(this SensitiveKind kind) => kind switch
    {
        SensitiveKind.Secret or SensitiveKind.Token => SensitiveCategory.Secret,
        SensitiveKind.CardNumber or SensitiveKind.CardSecurityCode or SensitiveKind.BankAccount => SensitiveCategory.Card,
        SensitiveKind.Email or SensitiveKind.Phone or SensitiveKind.Personal => SensitiveCategory.Personal,
        _ => SensitiveCategory.None,
    };

    /// <summary>The stronger of two kinds: secret over card over personal, so a value matching several families is reported once, by its worst.</summary>
    public static bool IsStrongerThan(this SensitiveKind kind, SensitiveKind other) => kind.Category() > other.Category();
}
