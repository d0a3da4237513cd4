namespace SecureLogging;

/// <summary>What a field name says about its value (the SPEC §5 word logic, runtime side).</summary>
internal enum SensitiveKind
{
    None,
    Secret,
    Token,
    CardNumber,
    CardData,
}

/// <summary>
/// Classifies field names the way the analyzers classify identifiers (SPEC §5): the name is split into words on
/// case changes, <c>_</c>, <c>-</c>, <c>.</c>, <c>:</c>, spaces and digits; a plural <c>s</c> is dropped; trailing
/// value/text/string/raw/plain/input/bytes/base64 are ignored; the last word(s) decide. Excluded tails
/// (<c>id</c>, <c>name</c>, <c>type</c>, <c>length</c>, …) make a name harmless: <c>api_key_id</c>, <c>token_type</c>.
/// Only the secret and card families matter here: identity is what a security event is for.
/// </summary>
internal static class SensitiveNames
{
    private static readonly HashSet<string> SecretWords = new(StringComparer.Ordinal)
    {
        "password", "passwd", "pwd", "passphrase", "secret", "credential", "authorization", "cookie", "otp", "pin",
    };

    private static readonly HashSet<string> TokenWords = new(StringComparer.Ordinal) { "token" };

    // Pairs of last two words (joined with a space).
    private static readonly HashSet<string> SecretPairs = new(StringComparer.Ordinal)
    {
        "api key", "private key", "secret key", "signing key", "encryption key", "access key", "master key",
        "connection string", "authorization header", "auth header", "otp code", "time code", "time password",
        "mfa code", "fa code", "factor code", "verification code", "recovery code", "authenticator code", "pin code",
        "security answer", "password hash", "security stamp",
    };

    private static readonly HashSet<string> CardNumberPairs = new(StringComparer.Ordinal) { "card number", "credit card" };

    private static readonly HashSet<string> CardDataWords = new(StringComparer.Ordinal) { "cvv", "cvc", "iban" };

    private static readonly HashSet<string> CardDataPairs = new(StringComparer.Ordinal) { "security code", "account number", "routing number" };

    private static readonly HashSet<string> IgnoredTails = new(StringComparer.Ordinal)
    {
        "value", "text", "string", "raw", "plain", "input", "byte", "bytes", "base",
    };

    private static readonly HashSet<string> ExcludedTails = new(StringComparer.Ordinal)
    {
        "id", "name", "type", "kind", "count", "length", "size", "expiry", "expire", "expires", "expiration", "lifetime",
        "policy", "url", "uri", "path", "hint", "format", "algorithm",
    };

    private static readonly HashSet<string> PaginationTokens = new(StringComparer.Ordinal)
    {
        "continuation token", "page token", "cancellation token",
    };

    /// <summary>Classifies a field name.</summary>
    /// <param name="name">A property or field name in any casing convention.</param>
    /// <returns>What a value under that name is.</returns>
    public static SensitiveKind Classify(string? name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > 200)
        {
            return SensitiveKind.None;
        }

        var words = Split(name);

        // "connection string" ends in an ignorable tail: test listed pairs before dropping tails.
        if (words.Count >= 2 && SecretPairs.Contains(words[^2] + " " + words[^1]))
        {
            return SensitiveKind.Secret;
        }

        while (words.Count > 1 && IgnoredTails.Contains(words[^1]))
        {
            words.RemoveAt(words.Count - 1);
        }

        if (words.Count == 0)
        {
            return SensitiveKind.None;
        }

        var last = words[^1];
        var pair = words.Count >= 2 ? words[^2] + " " + words[^1] : null;

        if (pair is not null)
        {
            if (CardNumberPairs.Contains(pair))
            {
                return SensitiveKind.CardNumber;
            }

            if (CardDataPairs.Contains(pair))
            {
                return SensitiveKind.CardData;
            }

            if (SecretPairs.Contains(pair))
            {
                return SensitiveKind.Secret;
            }

            if (PaginationTokens.Contains(pair) || (words.Count >= 3 && words[^3] == "next" && pair == "page token"))
            {
                return SensitiveKind.None;
            }
        }

        if (ExcludedTails.Contains(last))
        {
            return SensitiveKind.None;
        }

        if (last == "pan")
        {
            return SensitiveKind.CardNumber;
        }

        if (CardDataWords.Contains(last))
        {
            return SensitiveKind.CardData;
        }

        if (TokenWords.Contains(last))
        {
            return SensitiveKind.Token;
        }

        return SecretWords.Contains(last) ? SensitiveKind.Secret : SensitiveKind.None;
    }

    /// <summary>Splits a name into lower-case words with plural <c>s</c> dropped.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The words.</returns>
    internal static List<string> Split(string name)
    {
        var words = new List<string>(4);
        var start = -1;
        for (var i = 0; i <= name.Length; i++)
        {
            var c = i < name.Length ? name[i] : '\0';
            var isLetter = char.IsLetter(c);
            if (start >= 0)
            {
                var boundary = !isLetter
                    || (char.IsUpper(c) && char.IsLower(name[i - 1]))
                    || (char.IsUpper(c) && i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1]));
                if (boundary)
                {
                    words.Add(Normalize(name.Substring(start, i - start)));
                    start = -1;
                }
            }

            if (start < 0 && isLetter)
            {
                start = i;
            }
        }

        return words;
    }

    private static string Normalize(string word)
    {
        var lower = word.ToLowerInvariant();
        return lower.Length > 3 && lower[^1] == 's' && lower[^2] != 's' ? lower.Substring(0, lower.Length - 1) : lower;
    }
}
