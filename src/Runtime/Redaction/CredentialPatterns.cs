using System.Text;
using System.Text.RegularExpressions;

namespace SecureLogging;

/// <summary>
/// The safety net for what the analyzers cannot see: masks substrings that have the shape of a known credential
/// (JWT, AWS / GitHub / GitLab / Slack / Stripe / Google / npm / SendGrid / OpenAI / Anthropic keys, private-key
/// blocks, credentials in URLs, bearer/basic authorization values, and <c>password=…</c>-style pairs).
/// </summary>
/// <remarks>
/// Patterns are adapted from gitleaks (MIT) and detect-secrets (Apache-2.0). They run on
/// <see cref="RegexOptions.NonBacktracking"/>, so matching is linear in the input whatever an attacker sends.
/// Whole-token formats are replaced by <c>[REDACTED:&lt;kind&gt;]</c>; for <c>key=value</c> pairs, URL credentials and
/// authorization schemes only the value is replaced (by <c>[REDACTED]</c>), so the text stays readable.
/// </remarks>
internal static class CredentialPatterns
{
    // Each alternative is a named group; "v" (inside a "kv"-style alternative) marks the part to replace.
    private const string Pattern =
        @"(?<private_key>-----BEGIN[ A-Z0-9_-]*PRIVATE KEY(?: BLOCK)?-----(?:[\s\S]*?-----END[ A-Z0-9_-]*PRIVATE KEY(?: BLOCK)?-----|[\s\S]*))"
        + @"|(?<putty_key>PuTTY-User-Key-File-[0-9][\s\S]*)"
        + @"|(?<jwt>\bey[A-Za-z0-9_-]{8,}\.ey[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*)"
        + @"|(?<aws>\b(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\b)"
        + @"|(?<github>\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36,}|\bgithub_pat_[A-Za-z0-9_]{22,})"
        + @"|(?<gitlab>\bglpat-[A-Za-z0-9_-]{20,})"
        + @"|(?<slack>\bxox[abposer]-[A-Za-z0-9-]{10,}|hooks\.slack\.com/(?:services|workflows|triggers)/[A-Za-z0-9+/]{20,})"
        + @"|(?<stripe>\b(?:sk|rk)_(?:test|live|prod)_[A-Za-z0-9]{10,}|\bwhsec_[A-Za-z0-9]{20,})"
        + @"|(?<google>\bAIza[A-Za-z0-9_-]{35})"
        + @"|(?<npm>\bnpm_[A-Za-z0-9]{36})"
        + @"|(?<sendgrid>\bSG\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,})"
        + @"|(?<openai>\bsk-(?:ant-api03|ant-admin01|proj|svcacct|admin)-[A-Za-z0-9_-]{20,}|\bsk-[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20})"
        + @"|(?<url>://[^\s:/@]+:(?<v>[^\s/@]+)@)"
        + @"|(?<scheme>(?i:\b(?:bearer|basic|digest|token)\s+)(?<v>[A-Za-z0-9._~+/-]{8,}=*))"
        + @"|(?<kv>(?i:pass(?:word|wd|phrase)?|pwd|secret|token|api[_-]?key|apikey|access[_-]?key|private[_-]?key|signing[_-]?key|credentials?|authorization|auth|cookie|session[_-]?id|otp|pin)[""']?[ \t]*[:=][ \t]*[""']?(?<v>(?i:(?:bearer|basic|digest|negotiate|ntlm)[ \t]+)?[^\s""',;&\[\]][^\s""',;&]*))";

    private static readonly string[] Kinds =
        ["private_key", "putty_key", "jwt", "aws", "github", "gitlab", "slack", "stripe", "google", "npm", "sendgrid", "openai", "url", "scheme", "kv"];

    private static readonly Regex Regex = new(Pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);

    private static readonly int[] KindGroups = Kinds.Select(k => Regex.GroupNumberFromName(k)).ToArray();

    private static readonly int ValueGroup = Regex.GroupNumberFromName("v");

    /// <summary>Returns <paramref name="value"/> with every credential-shaped substring masked.</summary>
    /// <param name="value">Any text.</param>
    /// <returns>The text, or the same instance when nothing matched.</returns>
    public static string Mask(string value)
    {
        // Nothing shorter than "pin=1" can match; skip the engine for the common short field.
        if (value.Length < 5)
        {
            return value;
        }

        var match = Regex.Match(value);
        if (!match.Success)
        {
            return value;
        }

        var builder = new StringBuilder(value.Length);
        var position = 0;
        while (match.Success)
        {
            var kind = KindOf(match);
            var valueGroup = match.Groups[ValueGroup];
            if (valueGroup.Success)
            {
                builder.Append(value, position, valueGroup.Index - position).Append("[REDACTED]");
                position = valueGroup.Index + valueGroup.Length;
                builder.Append(value, position, match.Index + match.Length - position);
            }
            else
            {
                builder.Append(value, position, match.Index - position).Append("[REDACTED:").Append(kind).Append(']');
            }

            position = match.Index + match.Length;
            match = match.NextMatch();
        }

        builder.Append(value, position, value.Length - position);
        return builder.ToString();
    }

    /// <summary>Returns whether <paramref name="value"/> contains a credential-shaped substring.</summary>
    /// <param name="value">Any text.</param>
    /// <returns><see langword="true"/> when <see cref="Mask"/> would change it.</returns>
    public static bool ContainsCredential(string value) => value.Length >= 5 && Regex.IsMatch(value);

    private static string KindOf(Match match)
    {
        for (var i = 0; i < KindGroups.Length; i++)
        {
            if (match.Groups[KindGroups[i]].Success)
            {
                return Kinds[i];
            }
        }

        return "secret";
    }
}
