namespace SecureLogging;

/// <summary>
/// Redaction helpers for values that must not reach a log in clear. Every method accepts any input (null, empty,
/// huge, malformed, any Unicode), never throws, and never reveals more than its summary says.
/// </summary>
public static class Redact
{
    /// <summary>What every method returns for <see langword="null"/>.</summary>
    public const string NullText = "[null]";

    /// <summary>What <see cref="Secret"/> returns for every non-null input, and the fallback of the maskers.</summary>
    public const string RedactedText = "[REDACTED]";

    private const string CardMask = "************";
    private const string PhoneMask = "********";

    /// <summary>Replaces a secret (password, key, connection string…) by <c>[REDACTED]</c>: the same text for every non-null input, so nothing about it leaks, not even its length.</summary>
    /// <param name="value">The secret.</param>
    /// <returns><c>[REDACTED]</c>, or <c>[null]</c> for <see langword="null"/>.</returns>
    public static string Secret(string? value) => value is null ? NullText : RedactedText;

    /// <summary>
    /// Replaces a token by <c>[REDACTED:fp=xxxxxxxx]</c>: 8 hex digits of a keyed HMAC-SHA256 fingerprint, so the
    /// same token can be followed through the logs without being recoverable from them.
    /// </summary>
    /// <param name="value">The token.</param>
    /// <returns>The fingerprint text, or <c>[null]</c> for <see langword="null"/>.</returns>
    /// <remarks>The key is the configured <c>ChainKey</c>; without one a random per-process key is used (see <see cref="UseKey"/>).</remarks>
    public static string Token(string? value) => value is null ? NullText : "[REDACTED:fp=" + Fingerprint.Compute('t', value) + "]";

    /// <summary>
    /// Masks a payment card number to its last four digits (PCI DSS), e.g. <c>************1234</c>. The mask has a
    /// fixed length so the number's length is not revealed. Input with fewer than 13 or more than 19 digits, or with
    /// characters other than digits, spaces, <c>-</c> and <c>.</c>, gives <c>[REDACTED]</c>.
    /// </summary>
    /// <param name="value">The card number.</param>
    /// <returns>The masked number, <c>[REDACTED]</c>, or <c>[null]</c> for <see langword="null"/>.</returns>
    public static string CardNumber(string? value)
    {
        if (value is null)
        {
            return NullText;
        }

        if (value.Length > 64)
        {
            return RedactedText;
        }

        Span<char> lastFour = stackalloc char[4];
        var digits = 0;
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c))
            {
                lastFour[digits % 4] = c;
                digits++;
            }
            else if (c is not (' ' or '-' or '.'))
            {
                return RedactedText;
            }
        }

        if (digits < 13 || digits > 19)
        {
            return RedactedText;
        }

        // lastFour is a ring buffer: the oldest of the last four digits sits at index digits % 4.
        return string.Create(CardMask.Length + 4, (Digits: digits, A: lastFour[digits % 4], B: lastFour[(digits + 1) % 4], C: lastFour[(digits + 2) % 4], D: lastFour[(digits + 3) % 4]), static (span, s) =>
        {
            CardMask.AsSpan().CopyTo(span);
            span[^4] = s.A;
            span[^3] = s.B;
            span[^2] = s.C;
            span[^1] = s.D;
        });
    }

    /// <summary>
    /// Masks an e-mail address to its first character and its domain, e.g. <c>j***@example.com</c>. The mask has a fixed
    /// length, so <c>j@example.com</c> and <c>john@example.com</c> both give <c>j***@example.com</c>; a local part that
    /// starts with a symbol shows none of it (<c>***@example.com</c>). Anything that is not a plausible address gives <c>[REDACTED]</c>.
    /// </summary>
    /// <param name="value">The e-mail address.</param>
    /// <returns>The masked address, <c>[REDACTED]</c>, or <c>[null]</c> for <see langword="null"/>.</returns>
    public static string Email(string? value)
    {
        if (value is null)
        {
            return NullText;
        }

        var text = value.Trim();
        var at = text.LastIndexOf('@');
        if (text.Length > 320 || at <= 0 || at == text.Length - 1)
        {
            return RedactedText;
        }

        var local = text.AsSpan(0, at);
        var domain = text.AsSpan(at + 1);
        if (!IsPlausibleDomain(domain) || local.IndexOfAny(' ', '\t') >= 0)
        {
            return RedactedText;
        }

        var first = local[0];
        // The fixed-length mask hides how long the local part is, so showing its first character reveals no more for
        // a one-character local part than for a long one.
        var showFirst = char.IsLetterOrDigit(first) && !char.IsSurrogate(first);
        return (showFirst ? first.ToString() : string.Empty) + "***@" + domain.ToString();
    }

    /// <summary>
    /// Masks a phone number to its last two digits, e.g. <c>********67</c> (a fixed-length mask). Input with fewer than
    /// 5 or more than 20 digits, or with characters other than digits, spaces and <c>+ - ( ) . /</c>, gives <c>[REDACTED]</c>.
    /// </summary>
    /// <param name="value">The phone number.</param>
    /// <returns>The masked number, <c>[REDACTED]</c>, or <c>[null]</c> for <see langword="null"/>.</returns>
    public static string Phone(string? value)
    {
        if (value is null)
        {
            return NullText;
        }

        if (value.Length > 64)
        {
            return RedactedText;
        }

        var digits = 0;
        char previous = '\0', last = '\0';
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c))
            {
                previous = last;
                last = c;
                digits++;
            }
            else if (c is not (' ' or '+' or '-' or '(' or ')' or '.' or '/'))
            {
                return RedactedText;
            }
        }

        return digits is < 5 or > 20 ? RedactedText : PhoneMask + previous + last;
    }

    /// <summary>Replaces a personal value by <c>[PII:fp=xxxxxxxx]</c>, a keyed fingerprint (see <see cref="Token"/>).</summary>
    /// <param name="value">The personal value (name, address, national id…).</param>
    /// <returns>The fingerprint text, or <c>[null]</c> for <see langword="null"/>.</returns>
    public static string Pii(string? value) => value is null ? NullText : "[PII:fp=" + Fingerprint.Compute('p', value) + "]";

    /// <summary>
    /// Sets the key of the <see cref="Token"/> and <see cref="Pii"/> fingerprints (a key is derived from it, so the
    /// same bytes can also serve as the store's chain key). <c>AddSecureLogging</c> calls this with
    /// <c>SecureLoggingOptions.ChainKey</c>; call it yourself when you use <see cref="Redact"/> without it.
    /// Until a key is set, a random per-process key is used and a warning is traced once.
    /// </summary>
    /// <param name="key">The key: not empty (32 random bytes recommended).</param>
    /// <exception cref="ArgumentException">The key is empty.</exception>
    public static void UseKey(ReadOnlySpan<byte> key) => Fingerprint.UseKey(key);

    /// <summary>Gets a value indicating whether fingerprints still use the random per-process key (no <see cref="UseKey"/> call yet).</summary>
    public static bool UsesEphemeralKey => Fingerprint.IsEphemeral;

    private static bool IsPlausibleDomain(ReadOnlySpan<char> domain)
    {
        if (domain.Length > 253 || domain[0] == '.' || domain[0] == '-' || domain[^1] == '.' || domain.IndexOf('.') < 0)
        {
            return false;
        }

        foreach (var c in domain)
        {
            if (!(char.IsLetterOrDigit(c) || c is '-' or '.') || char.IsSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }
}
