using System.Text;

namespace SecureLogging;

/// <summary>
/// Makes any caller-supplied string safe to put in a security record: credential-shaped substrings are masked,
/// control characters are neutralised so a value can never start a new record or hide text, and the length is bounded.
/// </summary>
/// <remarks>
/// Neutralisation writes a visible escape instead of the character: CR → <c>\r</c>, LF → <c>\n</c>, TAB → <c>\t</c>,
/// every other C0/C1 control character, U+2028/U+2029 (line/paragraph separators), the bidirectional
/// overrides/isolates (U+200E/F, U+202A–E, U+2066–9), U+FEFF and unpaired surrogates → <c>\uXXXX</c> (six visible
/// characters). Backslashes already in the value are kept as they are: the escapes exist to stop forging, not to be
/// reversible.
/// </remarks>
internal static class LogText
{
    /// <summary>The most characters of one value kept in a record (before escaping).</summary>
    public const int MaxLength = 4096;

    private const string TruncationMarker = "…[truncated]";

    /// <summary>Masks credentials, bounds the length and neutralises control characters.</summary>
    /// <param name="value">A caller-supplied value.</param>
    /// <returns>The safe text, or <see langword="null"/> for <see langword="null"/>.</returns>
    public static string? Clean(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var truncated = false;
        if (value.Length > MaxLength)
        {
            // Cut, then drop the token-like run the cut went through, so half a key is never left behind
            // where the credential patterns can no longer recognise it.
            var end = MaxLength;
            while (end > 0 && IsTokenChar(value[end - 1]))
            {
                end--;
            }

            value = value.Substring(0, end);
            truncated = true;
        }

        value = Neutralize(CredentialPatterns.Mask(value));
        return truncated ? value + TruncationMarker : value;
    }

    /// <summary>Replaces every control, line-separator, bidi-control and unpaired-surrogate character by a visible escape.</summary>
    /// <param name="value">Any text.</param>
    /// <returns>The text, or the same instance when nothing needed escaping.</returns>
    public static string Neutralize(string value)
    {
        var first = IndexOfUnsafe(value);
        if (first < 0)
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 16);
        builder.Append(value, 0, first);
        for (var i = first; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                builder.Append(c).Append(value[i + 1]);
                i++;
                continue;
            }

            if (!IsUnsafe(c))
            {
                builder.Append(c);
                continue;
            }

            switch (c)
            {
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                default:
                    builder.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>Returns whether the text holds a character <see cref="Neutralize"/> would escape.</summary>
    /// <param name="value">Any text.</param>
    /// <returns><see langword="true"/> when it does.</returns>
    public static bool NeedsNeutralizing(string value) => IndexOfUnsafe(value) >= 0;

    private static int IndexOfUnsafe(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }

            if (IsUnsafe(c))
            {
                return i;
            }
        }

        return -1;
    }

    // A surrogate reaching here is unpaired (pairs are skipped by the callers).
    private static bool IsUnsafe(char c) =>
        c < ' '
        || (c >= '\u007F' && c <= '\u009F')
        || c is '\u2028' or '\u2029' or '\u200E' or '\u200F' or '\uFEFF'
        || (c >= '\u202A' && c <= '\u202E')
        || (c >= '\u2066' && c <= '\u2069')
        || char.IsSurrogate(c);

    private static bool IsTokenChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '+' or '/' or '=' or '.';
}
