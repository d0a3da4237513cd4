namespace SecureLogging.Analyzers.Internal.Sensitivity;

/// <summary>The word lists of SPEC §5, complete as the SPEC gives them. Projects extend and trim them in .editorconfig.</summary>
internal static class DefaultLists
{
    public static readonly string[] Secret =
    {
        "password", "passwd", "pwd", "passphrase", "secret",
        "token",
        "api key", "private key", "secret key", "signing key", "encryption key", "access key", "master key",
        "credential", "connection string",
        "authorization", "authorization header", "auth header", "cookie",
        "otp", "otp code", "one-time code", "one-time password",
        "mfa code", "2fa code", "verification code", "recovery code", "authenticator code",
        "pin", "pin code", "security answer", "password hash", "security stamp",
    };

    public static readonly string[] Card =
    {
        "card number", "credit card", "pan", "cvv", "cvc", "cvv2", "card security code",
        "iban", "account number", "routing number",
    };

    public static readonly string[] Personal =
    {
        "email", "email address", "phone", "phone number", "mobile", "mobile number", "telephone", "telephone number",
        "date of birth", "dob", "birth date", "first name", "last name", "full name",
        "ssn", "social security number", "national id", "passport number", "tax id", "driver licence", "driver license",
        "postal address", "street address", "home address", "billing address", "shipping address", "mailing address",
    };

    /// <summary>
    /// Tails that make a name not sensitive despite an earlier word (<c>tokenType</c>, <c>apiKeyId</c>), and the
    /// pagination and cancellation tokens, which are not credentials.
    /// </summary>
    public static readonly string[] Excluded =
    {
        "id", "name", "type", "kind", "count", "length", "size", "expiry", "expires", "expiration", "lifetime", "policy",
        "url", "uri", "path", "header name", "hint", "format", "hash algorithm",
        "continuation token", "page token", "pagination token", "cancellation token",
    };

    /// <summary>Trailing words that say how a value is held, not what it is: <c>passwordText</c> is a password.</summary>
    public static readonly string[] TrailingDrops = { "value", "text", "string", "raw", "plain", "input", "bytes", "base64" };

    /// <summary>Leading words that say which one, not what: <c>confirmPassword</c>, <c>newPin</c>.</summary>
    public static readonly string[] LeadingDrops = { "confirm", "new", "old", "current" };
}
