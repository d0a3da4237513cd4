using System.Text;

namespace SecureLogging;

/// <summary>
/// The safety net for what the analyzers cannot see: masks substrings that have the shape of a known credential
/// (JWT, AWS / GitHub / GitLab / Slack / Stripe / Google (API keys, OAuth client secrets and access tokens) / npm /
/// SendGrid / OpenAI / Anthropic keys, private-key
/// blocks, credentials in URLs, bearer/basic authorization values, and <c>password=…</c>-style pairs).
/// </summary>
/// <remarks>
/// The formats are gitleaks' (MIT) and detect-secrets' (Apache-2.0) rules, written as a hand-made scanner rather
/// than regular expressions: one left-to-right pass, every character examined a bounded number of times (a failed
/// candidate remembers where its run ended, so overlapping candidates are not re-scanned), no start-up cost — the
/// non-backtracking regex engine took seconds to build these automata, on the first security event.
/// Whole-token formats become <c>[REDACTED:&lt;kind&gt;]</c>; for <c>key=value</c> pairs, URL credentials and
/// authorization schemes only the value becomes <c>[REDACTED]</c>, so the text stays readable.
/// </remarks>
internal static class CredentialPatterns
{
    private static readonly string[] SecretKeys =
    [
        "password", "passwd", "passphrase", "pass", "pwd", "secret", "token", "api_key", "api-key", "apikey",
        "access_key", "access-key", "accesskey", "private_key", "private-key", "privatekey", "signing_key", "signing-key",
        "signingkey", "credentials", "credential", "authorization", "auth", "cookie", "session_id", "session-id",
        "sessionid", "otp", "pin",
    ];

    private static readonly string[] Schemes = ["bearer", "basic", "digest"];

    private static readonly string[] ValueSchemes = ["bearer", "basic", "digest", "negotiate", "ntlm", "token"];

    private static readonly string[] GitHubPrefixes = ["ghp_", "gho_", "ghu_", "ghs_", "ghr_"];

    private static readonly string[] AwsPrefixes = ["AKIA", "ASIA", "ABIA", "ACCA"];

    private static readonly string[] StripeEnvironments = ["test_", "live_", "prod_"];

    private static readonly string[] OpenAiKinds = ["ant-api03-", "ant-admin01-", "proj-", "svcacct-", "admin-"];

    private static readonly string[] SlackWebhookKinds = ["services/", "workflows/", "triggers/"];

    /// <summary>Returns <paramref name="value"/> with every credential-shaped substring masked.</summary>
    /// <param name="value">Any text.</param>
    /// <returns>The text, or the same instance when nothing matched.</returns>
    public static string Mask(string value)
    {
        // Nothing shorter than "pin=1" can match.
        if (value.Length < 5)
        {
            return value;
        }

        StringBuilder? builder = null;
        var copied = 0;
        var scanner = new Scanner(value);
        for (var i = 0; i < value.Length;)
        {
            if (!scanner.TryMatch(i, out var found))
            {
                i++;
                continue;
            }

            builder ??= new StringBuilder(value.Length);
            if (found.ValueStart >= 0)
            {
                builder.Append(value, copied, found.ValueStart - copied).Append("[REDACTED]");
                builder.Append(value, found.ValueEnd, found.End - found.ValueEnd);
            }
            else
            {
                builder.Append(value, copied, found.Start - copied).Append("[REDACTED:").Append(found.Kind).Append(']');
            }

            copied = found.End;
            i = Math.Max(found.End, i + 1);
        }

        return builder is null ? value : builder.Append(value, copied, value.Length - copied).ToString();
    }

    /// <summary>Returns whether <paramref name="value"/> contains a credential-shaped substring.</summary>
    /// <param name="value">Any text.</param>
    /// <returns><see langword="true"/> when <see cref="Mask"/> would change it.</returns>
    public static bool ContainsCredential(string value) => !ReferenceEquals(Mask(value), value);

    private readonly record struct Found(string Kind, int Start, int End, int ValueStart = -1, int ValueEnd = -1);

    private sealed class Scanner(string text)
    {
        // Per token family: a failed candidate's run end. A later candidate of the same family starting inside the
        // same run has a shorter run with the same continuation, so it fails too: skipping it keeps the scan linear.
        private readonly Dictionary<string, int> _skip = new(StringComparer.Ordinal);

        public bool TryMatch(int i, out Found found)
        {
            found = default;
            var c = text[i];
            var boundary = i == 0 || !IsWord(text[i - 1]);
            return c switch
            {
                '-' => PrivateKey(i, out found),
                ':' => UrlCredentials(i, out found),
                'P' when StartsWith(i, "PuTTY-User-Key-File-") => ToEnd("putty_key", i, out found),
                'h' when StartsWith(i, "hooks.slack.com/") => SlackWebhook(i, out found),
                _ => (boundary && Token(i, out found)) || (boundary && Scheme(i, out found)) || KeyValue(i, out found),
            };
        }

        private bool Token(int i, out Found found)
        {
            found = default;
            switch (text[i])
            {
                case 'e' when StartsWith(i, "ey"):
                    return Jwt(i, out found);
                case 'A' when StartsWithAny(i, AwsPrefixes) || (StartsWith(i, "A3T") && i + 3 < text.Length && IsUpperOrDigit(text[i + 3])):
                    return Fixed("aws", i, 4, 16, IsUpperOrDigit, exact: true, out found);
                case 'A' when StartsWith(i, "AIza"):
                    return Fixed("google", i, 4, 35, IsTokenChar, exact: false, out found);
                case 'g' when StartsWithAny(i, GitHubPrefixes):
                    return Fixed("github", i, 4, 36, char.IsAsciiLetterOrDigit, exact: false, out found);
                case 'g' when StartsWith(i, "github_pat_"):
                    return Fixed("github", i, 11, 22, IsWord, exact: false, out found);
                case 'g' when StartsWith(i, "glpat-"):
                    return Fixed("gitlab", i, 6, 20, IsTokenChar, exact: false, out found);
                case 'x' when StartsWith(i, "xox") && i + 4 < text.Length && "abposer".Contains(text[i + 3]) && text[i + 4] == '-':
                    return Fixed("slack", i, 5, 10, IsSlackChar, exact: false, out found);
                case 'x' when StartsWith(i, "xapp-"):
                    return Fixed("slack", i, 5, 10, IsSlackChar, exact: false, out found);
                case 'G' when StartsWith(i, "GOCSPX-"):
                    return Fixed("google", i, 7, 24, IsTokenChar, exact: false, out found);
                case 'y' when StartsWith(i, "ya29."):
                    return Fixed("google", i, 5, 20, IsTokenChar, exact: false, out found);
                case 's' or 'r' when i + 3 < text.Length && text[i + 1] == 'k' && text[i + 2] == '_' && StartsWithAny(i + 3, StripeEnvironments):
                    return Fixed("stripe", i, 8, 10, char.IsAsciiLetterOrDigit, exact: false, out found);
                case 'w' when StartsWith(i, "whsec_"):
                    return Fixed("stripe", i, 6, 20, char.IsAsciiLetterOrDigit, exact: false, out found);
                case 'n' when StartsWith(i, "npm_"):
                    return Fixed("npm", i, 4, 36, char.IsAsciiLetterOrDigit, exact: false, out found);
                case 'S' when StartsWith(i, "SG."):
                    return SendGrid(i, out found);
                case 's' when StartsWith(i, "sk-"):
                    return OpenAi(i, out found);
                default:
                    return false;
            }
        }

        // ey<8+ base64url>.ey<8+ base64url>.<signature, possibly empty>
        private bool Jwt(int i, out Found found)
        {
            found = default;
            if (Skipped("jwt", i))
            {
                return false;
            }

            var first = Run(i + 2, IsTokenChar);
            if (first - (i + 2) >= 8 && first + 2 < text.Length && text[first] == '.' && text[first + 1] == 'e' && text[first + 2] == 'y')
            {
                var second = Run(first + 3, IsTokenChar);
                if (second - (first + 3) >= 8 && second < text.Length && text[second] == '.')
                {
                    found = new Found("jwt", i, Run(second + 1, IsTokenChar));
                    return true;
                }
            }

            Skip("jwt", first);
            return false;
        }

        // prefix + run of allowed characters, at least minimum long (exactly that long and ending at a word boundary when exact).
        private bool Fixed(string kind, int i, int prefix, int minimum, Func<char, bool> allowed, bool exact, out Found found)
        {
            found = default;
            if (Skipped(kind, i))
            {
                return false;
            }

            var end = Run(i + prefix, allowed);
            var length = end - (i + prefix);
            var ok = exact ? length == minimum && (end == text.Length || !IsWord(text[end])) : length >= minimum;
            if (ok)
            {
                found = new Found(kind, i, end);
                return true;
            }

            Skip(kind, end);
            return false;
        }

        private bool SendGrid(int i, out Found found)
        {
            found = default;
            if (Skipped("sendgrid", i))
            {
                return false;
            }

            var first = Run(i + 3, IsTokenChar);
            if (first - (i + 3) >= 16 && first < text.Length && text[first] == '.')
            {
                var second = Run(first + 1, IsTokenChar);
                if (second - (first + 1) >= 16)
                {
                    found = new Found("sendgrid", i, second);
                    return true;
                }
            }

            Skip("sendgrid", first);
            return false;
        }

        private bool OpenAi(int i, out Found found)
        {
            found = default;
            foreach (var kind in OpenAiKinds)
            {
                if (StartsWith(i + 3, kind))
                {
                    return Fixed("openai", i, 3 + kind.Length, 20, IsTokenChar, exact: false, out found);
                }
            }

            // Legacy keys: sk-<20>T3BlbkFJ<20>.
            var end = Run(i + 3, char.IsAsciiLetterOrDigit);
            if (end - (i + 3) >= 48 && text.AsSpan(i + 3, end - i - 3).IndexOf("T3BlbkFJ", StringComparison.Ordinal) >= 0)
            {
                found = new Found("openai", i, end);
                return true;
            }

            return false;
        }

        private bool SlackWebhook(int i, out Found found)
        {
            found = default;
            var at = i + "hooks.slack.com/".Length;
            foreach (var kind in SlackWebhookKinds)
            {
                if (StartsWith(at, kind))
                {
                    var end = Run(at + kind.Length, static c => char.IsAsciiLetterOrDigit(c) || c is '+' or '/');
                    if (end - (at + kind.Length) >= 20)
                    {
                        found = new Found("slack", i, end);
                        return true;
                    }
                }
            }

            return false;
        }

        // -----BEGIN … PRIVATE KEY[ BLOCK]----- … -----END … PRIVATE KEY[ BLOCK]----- (or to the end of the text).
        private bool PrivateKey(int i, out Found found)
        {
            found = default;
            if (!StartsWith(i, "-----BEGIN") || Skipped("private_key", i))
            {
                return false;
            }

            var runEnd = Run(i + 10, IsPemHeaderChar);
            var headerEnd = PemLabelEnd(i + 10, runEnd);
            if (headerEnd < 0)
            {
                Skip("private_key", runEnd);
                return false;
            }

            var footer = text.IndexOf("-----END", headerEnd, StringComparison.Ordinal);
            if (footer < 0)
            {
                return ToEnd("private_key", i, out found);
            }

            var footerRunEnd = Run(footer + 8, IsPemHeaderChar);
            var footerEnd = PemLabelEnd(footer + 8, footerRunEnd);
            found = new Found("private_key", i, footerEnd < 0 ? footerRunEnd : footerEnd);
            return true;
        }

        // Where "… PRIVATE KEY[ BLOCK]-----" ends inside [from, runEnd), or -1.
        private int PemLabelEnd(int from, int runEnd)
        {
            var label = text.AsSpan(from, runEnd - from).IndexOf("PRIVATE KEY", StringComparison.Ordinal);
            if (label < 0)
            {
                return -1;
            }

            var at = from + label + "PRIVATE KEY".Length;
            if (StartsWith(at, " BLOCK"))
            {
                at += " BLOCK".Length;
            }

            return StartsWith(at, "-----") ? at + 5 : -1;
        }

        // scheme://user:password@host — only the password is masked.
        private bool UrlCredentials(int i, out Found found)
        {
            found = default;
            if (!StartsWith(i, "://"))
            {
                return false;
            }

            var user = Run(i + 3, static c => !char.IsWhiteSpace(c) && c is not (':' or '/' or '@'));
            if (user == i + 3 || user >= text.Length || text[user] != ':')
            {
                return false;
            }

            var password = Run(user + 1, static c => !char.IsWhiteSpace(c) && c is not ('/' or '@'));
            if (password == user + 1 || password >= text.Length || text[password] != '@')
            {
                return false;
            }

            found = new Found("url", i, password + 1, user + 1, password);
            return true;
        }

        // Bearer/Basic/Digest/Token <8+ token characters> — only the credential is masked.
        private bool Scheme(int i, out Found found)
        {
            found = default;
            if (Skipped("scheme", i))
            {
                return false;
            }

            foreach (var scheme in Schemes)
            {
                if (StartsWithIgnoreCase(i, scheme) && i + scheme.Length < text.Length && char.IsWhiteSpace(text[i + scheme.Length]))
                {
                    var start = Run(i + scheme.Length, char.IsWhiteSpace);
                    var end = Run(start, static c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '~' or '+' or '/' or '-');
                    if (end - start >= 8 && LooksLikeCredential(text.AsSpan(start, end - start)))
                    {
                        end = Run(end, static c => c == '=');
                        found = new Found("scheme", i, end, start, end);
                        return true;
                    }

                    Skip("scheme", end);
                    return false;
                }
            }

            return false;
        }

        // password=…, "api_key": "…", Authorization: Bearer … — only the value is masked.
        private bool KeyValue(int i, out Found found)
        {
            found = default;

            // Every key starts with one of these letters: most positions are dismissed by one comparison.
            if ((text[i] | 0x20) is not ('p' or 's' or 't' or 'a' or 'c' or 'o'))
            {
                return false;
            }

            foreach (var key in SecretKeys)
            {
                if ((text[i] | 0x20) != key[0] || !StartsWithIgnoreCase(i, key))
                {
                    continue;
                }

                var at = i + key.Length;
                if (at < text.Length && text[at] is '"' or '\'')
                {
                    at++;
                }

                at = Run(at, static c => c is ' ' or '\t');
                if (at >= text.Length || text[at] is not (':' or '='))
                {
                    continue;
                }

                at = Run(at + 1, static c => c is ' ' or '\t');
                var quote = '\0';
                if (at < text.Length && text[at] is '"' or '\'')
                {
                    quote = text[at];
                    at++;
                }

                if (at >= text.Length || IsValueStop(text[at]) || text[at] is '[' or ']')
                {
                    return false;
                }

                var valueStart = at;

                // private_key: -----BEGIN … PRIVATE KEY----- … spans whitespace: mask the whole block, not the first word.
                if (text[at] == '-' && PrivateKey(at, out found))
                {
                    return true;
                }

                foreach (var scheme in ValueSchemes)
                {
                    if (StartsWithIgnoreCase(at, scheme) && at + scheme.Length < text.Length && text[at + scheme.Length] is ' ' or '\t')
                    {
                        at = Run(at + scheme.Length, static c => c is ' ' or '\t');
                        break;
                    }
                }

                // A quoted value ("correct horse battery staple") runs to its closing quote, not to the first space.
                var end = quote == '\0' ? Run(at, static c => !IsValueStop(c)) : QuotedEnd(at, quote);
                found = new Found("kv", i, end, valueStart, end);
                return true;
            }

            return false;
        }

        // Where a quoted value ends: at its closing quote (a backslash escapes the next character) or the line's end.
        private int QuotedEnd(int from, char quote)
        {
            var i = from;
            while (i < text.Length)
            {
                var c = text[i];
                if (c == '\\' && i + 1 < text.Length && text[i + 1] is not ('\n' or '\r'))
                {
                    i += 2;
                    continue;
                }

                if (c == quote || c is '\n' or '\r')
                {
                    break;
                }

                i++;
            }

            return Math.Min(i, text.Length);
        }

        private bool Skipped(string kind, int i) => _skip.TryGetValue(kind, out var until) && i < until;

        private void Skip(string kind, int until) => _skip[kind] = Math.Max(until, _skip.GetValueOrDefault(kind));

        private bool ToEnd(string kind, int i, out Found found)
        {
            found = new Found(kind, i, text.Length);
            return true;
        }

        private int Run(int from, Func<char, bool> allowed)
        {
            var i = from;
            while (i < text.Length && allowed(text[i]))
            {
                i++;
            }

            return i;
        }

        private bool StartsWith(int i, string prefix) => i <= text.Length - prefix.Length && text.AsSpan(i, prefix.Length).SequenceEqual(prefix);

        private bool StartsWithIgnoreCase(int i, string prefix) =>
            i <= text.Length - prefix.Length && text.AsSpan(i, prefix.Length).Equals(prefix, StringComparison.OrdinalIgnoreCase);

        private bool StartsWithAny(int i, string[] prefixes)
        {
            foreach (var prefix in prefixes)
            {
                if (StartsWith(i, prefix))
                {
                    return true;
                }
            }

            return false;
        }
    }

    // "Bearer authentication failed" is prose, "Bearer abc.def-123" is not: a credential has a digit, a symbol, or a
    // capital letter after its first character.
    private static bool LooksLikeCredential(ReadOnlySpan<char> value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (!char.IsAsciiLetter(c) || (i > 0 && char.IsAsciiLetterUpper(c)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsWord(char c) => char.IsLetterOrDigit(c) || c == '_';

    private static bool IsTokenChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-';

    private static bool IsSlackChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '-';

    private static bool IsUpperOrDigit(char c) => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c);

    private static bool IsPemHeaderChar(char c) => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c is ' ' or '_' or '-';

    private static bool IsValueStop(char c) => char.IsWhiteSpace(c) || c is '"' or '\'' or ',' or ';' or '&';
}
