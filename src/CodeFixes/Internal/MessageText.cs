using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace SecureLogging.Analyzers.CodeFixes.Internal;

/// <summary>
/// Text surgery on a log message when a value leaves it: the placeholder (or hole, or operand) goes, and so does the
/// label that introduced it — <c>" with password {Password}"</c>, <c>"token={Token}, "</c> — so what is left still reads
/// as a sentence. Works on source text (escapes untouched): only letters, digits, spaces and separators are removed.
/// </summary>
internal static class MessageText
{
    /// <summary>Words that only connect a value to the sentence; they go with it when they stand right before it.</summary>
    private static readonly HashSet<string> Connectors = new(StringComparer.OrdinalIgnoreCase)
    {
        "with", "using", "and", "or", "via", "by", "for", "to", "from", "is", "was", "of", "as", "the", "a", "an", "new", "old",
    };

    /// <summary>
    /// Removes <c>text[start..end)</c> and the label before it: spaces, <c>:</c>/<c>=</c>, and the words right before it
    /// that name the value (<paramref name="labelWords"/>) or connect it. Then tidies the seam: no doubled or dangling
    /// separators, no leading punctuation, one space where there was space.
    /// </summary>
    public static string RemoveWithLabel(string text, int start, int end, ICollection<string> labelWords)
        => RemoveBetween(text.Substring(0, start), text.Substring(end), labelWords, startOfMessage: true, endOfMessage: true);

    /// <summary>
    /// The same for the texts around a removed interpolation hole or concatenation operand, joined into one.
    /// <paramref name="startOfMessage"/>/<paramref name="endOfMessage"/> say whether anything precedes
    /// <paramref name="before"/> or follows <paramref name="after"/> in the message.
    /// </summary>
    public static string RemoveBetween(string before, string after, ICollection<string> labelWords, bool startOfMessage, bool endOfMessage)
    {
        var left = AbsorbLabel(before, before.Length, labelWords);
        return Join(before.Substring(0, left), after, startOfMessage, endOfMessage);
    }

    /// <summary>After <c>{k}</c> was removed from a composite format, <c>{k+1}</c>… move down by one.</summary>
    public static string RenumberAfterRemoval(string text, int removedIndex)
    {
        var holes = TemplateHole.Scan(text);
        var builder = new StringBuilder(text);
        for (var i = holes.Count - 1; i >= 0; i--)
        {
            var hole = holes[i];
            if (!int.TryParse(hole.Name, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n <= removedIndex)
            {
                continue;
            }

            var nameAt = text.IndexOf(hole.Name, hole.NameStart, StringComparison.Ordinal);
            builder.Remove(nameAt, hole.Name.Length).Insert(nameAt, (n - 1).ToString(CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }

    /// <summary>The lower-case words of a name (<c>CardNumber</c> → card, number), for matching labels.</summary>
    public static HashSet<string> Words(string? name)
    {
        var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (string.IsNullOrEmpty(name))
        {
            return words;
        }

        var current = new StringBuilder();
        for (var i = 0; i < name!.Length; i++)
        {
            var c = name[i];
            if (!char.IsLetter(c))
            {
                Flush();
                continue;
            }

            if (current.Length > 0 && char.IsUpper(c) && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))))
            {
                Flush();
            }

            current.Append(char.ToLowerInvariant(c));
        }

        Flush();
        return words;

        void Flush()
        {
            if (current.Length > 0)
            {
                words.Add(current.ToString());
                if (current.Length > 2 && current[current.Length - 1] == 's')
                {
                    words.Add(current.ToString(0, current.Length - 1));
                }

                current.Clear();
            }
        }
    }

    private static int AbsorbLabel(string text, int start, ICollection<string> labelWords)
    {
        var left = start;
        while (true)
        {
            var p = SkipSpacesLeft(text, left);
            if (p > 0 && (text[p - 1] == ':' || text[p - 1] == '='))
            {
                // "password: {Password}", "token={Token}": the separator belongs to the value.
                p = SkipSpacesLeft(text, p - 1);
                left = p;
            }

            var wordEnd = p;
            while (p > 0 && IsWordChar(text[p - 1]))
            {
                p--;
            }

            var word = text.Substring(p, wordEnd - p);
            var isLabel = word.Length > 0
                && (p == 0 || !IsEscapeOrHoleEnd(text, p - 1))
                && (labelWords.Contains(word.ToLowerInvariant()) || Connectors.Contains(word));
            if (!isLabel)
            {
                return left;
            }

            left = p;
        }
    }

    private static bool IsEscapeOrHoleEnd(string text, int index) => text[index] == '\\' || text[index] == '}' || text[index] == '{';

    private static string Join(string prefix, string suffix, bool startOfMessage, bool endOfMessage)
    {
        var hadSpace = (prefix.Length > 0 && char.IsWhiteSpace(prefix[prefix.Length - 1])) || (suffix.Length > 0 && char.IsWhiteSpace(suffix[0]));
        var space = hadSpace ? " " : string.Empty;
        var before = TrimEnd(prefix);
        var after = TrimStart(suffix);

        if (IsSeparator(Last(before)) && ((after.Length == 0 && endOfMessage) || IsSeparator(First(after)) || IsClosing(First(after))))
        {
            // "user={User}, token={Token}" loses its last pair: no dangling comma.
            before = TrimEnd(before.Substring(0, before.Length - 1));
        }

        if (before.Length == 0 && startOfMessage)
        {
            // The value opened the message: what follows must not start with the separator that followed it.
            while (after.Length > 0 && (IsSeparator(after[0]) || IsClosing(after[0]) || after[0] == '-' || after[0] == ':'))
            {
                after = TrimStart(after.Substring(1));
            }

            return after;
        }

        if (before.Length == 0)
        {
            // Another value precedes: keep it apart from the text that follows, but not from closing punctuation.
            if (after.Length == 0)
            {
                return endOfMessage ? string.Empty : space;
            }

            return IsClosing(after[0]) || IsSeparator(after[0]) ? after : space + after;
        }

        if (after.Length == 0)
        {
            return endOfMessage ? before : before + space;
        }

        return IsClosing(after[0]) || IsSeparator(after[0]) ? before + after : before + space + after;
    }

    private static int SkipSpacesLeft(string text, int index)
    {
        while (index > 0 && text[index - 1] == ' ')
        {
            index--;
        }

        return index;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_' || c == '-' || c == '\'';

    private static bool IsSeparator(char c) => c is ',' or ';' or '|' or '&';

    private static bool IsClosing(char c) => c is '.' or '!' or '?' or ')' or ']';

    private static char Last(string s) => s.Length == 0 ? '\0' : s[s.Length - 1];

    private static char First(string s) => s.Length == 0 ? '\0' : s[0];

    private static string TrimEnd(string s) => s.TrimEnd(' ');

    private static string TrimStart(string s) => s.TrimStart(' ');
}
