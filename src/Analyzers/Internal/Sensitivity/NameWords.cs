using System.Collections.Generic;
using System.Text;

namespace SecureLogging.Analyzers.Internal.Sensitivity;

/// <summary>
/// Splits identifiers, placeholder names, dictionary and configuration keys into lower-case words (SPEC §5): on case
/// changes, <c>_ - . : __</c>, spaces and digit runs; a plural <c>s</c> is dropped from every word. Listed words are
/// split the same way, so <c>"cvv2"</c>, <c>"2fa code"</c> and <c>"connectionStrings"</c> compare as word sequences.
/// </summary>
internal static class NameWords
{
    public static List<string> Split(string name)
    {
        var words = new List<string>(4);
        if (string.IsNullOrEmpty(name))
        {
            return words;
        }

        var current = new StringBuilder(name.Length);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (!char.IsLetterOrDigit(c))
            {
                Flush(current, words);
                continue;
            }

            if (current.Length > 0)
            {
                var previous = name[i - 1];
                var boundary =
                    (char.IsDigit(c) != char.IsDigit(previous)) ||
                    (char.IsUpper(c) && char.IsLower(previous)) ||
                    // The last capital of an acronym starts the next word: "APIKey" → api, key.
                    (char.IsUpper(c) && char.IsUpper(previous) && i + 1 < name.Length && char.IsLower(name[i + 1]));
                if (boundary)
                {
                    Flush(current, words);
                }
            }

            current.Append(char.ToLowerInvariant(c));
        }

        Flush(current, words);
        return words;
    }

    /// <summary>Drops a plural <c>s</c>: <c>passwords</c> → <c>password</c>, <c>addresses</c> → <c>address</c>; keeps <c>address</c>, <c>pass</c>.</summary>
    public static string Singular(string word)
    {
        if (word.Length <= 2 || word[word.Length - 1] != 's')
        {
            return word;
        }

        if (word.EndsWith("sses", System.StringComparison.Ordinal))
        {
            return word.Substring(0, word.Length - 2);
        }

        if (word.EndsWith("ss", System.StringComparison.Ordinal) || word.EndsWith("us", System.StringComparison.Ordinal) || word.EndsWith("is", System.StringComparison.Ordinal))
        {
            return word;
        }

        return word.Substring(0, word.Length - 1);
    }

    private static void Flush(StringBuilder current, List<string> words)
    {
        if (current.Length == 0)
        {
            return;
        }

        words.Add(Singular(current.ToString()));
        current.Clear();
    }
}
