using System;
using System.Collections.Generic;

namespace SecureLogging.Analyzers.Internal.Sensitivity;

/// <summary>
/// The word lists of SPEC §5, indexed by last word, with the project's <c>.editorconfig</c> additions and removals.
/// A name is matched on its last word(s): among the listed and excluded phrases that end the name, the longest wins
/// (ties go to the listed phrase, except that a project's ignored phrase wins every tie).
/// </summary>
internal sealed class WordSet
{
    private readonly Dictionary<string, List<Entry>> _byLastWord = new(StringComparer.Ordinal);

    private WordSet()
    {
    }

    /// <summary>The lists exactly as SPEC §5 gives them.</summary>
    public static WordSet Default { get; } = Create(null, null, null, null);

    public static WordSet Create(string? secretWords, string? cardWords, string? personalWords, string? ignoredWords)
    {
        var set = new WordSet();
        foreach (var phrase in DefaultLists.Secret)
        {
            set.Add(phrase, KindOfSecret(phrase), EntryRole.Listed);
        }

        foreach (var phrase in DefaultLists.Card)
        {
            set.Add(phrase, KindOfCard(phrase), EntryRole.Listed);
        }

        foreach (var phrase in DefaultLists.Personal)
        {
            set.Add(phrase, KindOfPersonal(phrase), EntryRole.Listed);
        }

        foreach (var phrase in DefaultLists.Excluded)
        {
            set.Add(phrase, SensitiveKind.None, EntryRole.Excluded);
        }

        foreach (var phrase in SplitList(secretWords))
        {
            set.Add(phrase, KindOfSecret(phrase), EntryRole.Listed);
        }

        foreach (var phrase in SplitList(cardWords))
        {
            set.Add(phrase, KindOfCard(phrase), EntryRole.Listed);
        }

        foreach (var phrase in SplitList(personalWords))
        {
            set.Add(phrase, KindOfPersonal(phrase), EntryRole.Listed);
        }

        foreach (var phrase in SplitList(ignoredWords))
        {
            set.Add(phrase, SensitiveKind.None, EntryRole.Ignored);
        }

        return set;
    }

    /// <summary>
    /// Matches the end of <paramref name="words"/> (already split and with trailing drop words removed as far as
    /// <paramref name="count"/>). Returns the winning entry, or null when no phrase ends the name.
    /// </summary>
    public Entry? MatchSuffix(List<string> words, int count)
    {
        if (count == 0 || !_byLastWord.TryGetValue(words[count - 1], out var candidates))
        {
            return null;
        }

        Entry? best = null;
        foreach (var entry in candidates)
        {
            if (entry.Words.Length > count || !EndsWith(words, count, entry.Words))
            {
                continue;
            }

            if (best is null || entry.Words.Length > best.Words.Length ||
                (entry.Words.Length == best.Words.Length && Priority(entry.Role) > Priority(best.Role)))
            {
                best = entry;
            }
        }

        return best;
    }

    /// <summary>True when a listed phrase ends somewhere within the first <paramref name="count"/> words: the name mentions a sensitive word before its tail.</summary>
    public bool MentionsListedPhrase(List<string> words, int count)
    {
        for (var k = count; k > 0; k--)
        {
            if (!_byLastWord.TryGetValue(words[k - 1], out var candidates))
            {
                continue;
            }

            foreach (var entry in candidates)
            {
                if (entry.Role == EntryRole.Listed && entry.Words.Length <= k && EndsWith(words, k, entry.Words))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static int Priority(EntryRole role) => role switch
    {
        EntryRole.Ignored => 2,
        EntryRole.Listed => 1,
        _ => 0,
    };

    private static bool EndsWith(List<string> words, int count, string[] phrase)
    {
        var offset = count - phrase.Length;
        for (var i = 0; i < phrase.Length; i++)
        {
            if (!string.Equals(words[offset + i], phrase[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private void Add(string phrase, SensitiveKind kind, EntryRole role)
    {
        var words = NameWords.Split(phrase);
        if (words.Count == 0)
        {
            return;
        }

        var last = words[words.Count - 1];
        if (!_byLastWord.TryGetValue(last, out var list))
        {
            list = new List<Entry>(2);
            _byLastWord.Add(last, list);
        }

        list.Add(new Entry(words.ToArray(), kind, role, string.Join(" ", words)));
    }

    private static IEnumerable<string> SplitList(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            yield break;
        }

        foreach (var part in value!.Split(','))
        {
            var trimmed = part.Trim();
            if (trimmed.Length > 0)
            {
                yield return trimmed;
            }
        }
    }

    private static SensitiveKind KindOfSecret(string phrase)
        => NameWords.Split(phrase) is { Count: > 0 } words && words[words.Count - 1] == "token" ? SensitiveKind.Token : SensitiveKind.Secret;

    private static SensitiveKind KindOfCard(string phrase)
    {
        var words = NameWords.Split(phrase);
        foreach (var word in words)
        {
            switch (word)
            {
                case "cvv":
                case "cvc":
                case "security":
                    return SensitiveKind.CardSecurityCode;
                case "iban":
                case "account":
                case "routing":
                case "bank":
                    return SensitiveKind.BankAccount;
            }
        }

        return SensitiveKind.CardNumber;
    }

    private static SensitiveKind KindOfPersonal(string phrase)
    {
        var words = NameWords.Split(phrase);
        foreach (var word in words)
        {
            switch (word)
            {
                case "email":
                    return SensitiveKind.Email;
                case "phone":
                case "mobile":
                case "telephone":
                    return SensitiveKind.Phone;
            }
        }

        return SensitiveKind.Personal;
    }

    internal enum EntryRole
    {
        Excluded,
        Listed,
        Ignored,
    }

    internal sealed class Entry
    {
        public Entry(string[] words, SensitiveKind kind, EntryRole role, string phrase)
        {
            Words = words;
            Kind = kind;
            Role = role;
            Phrase = phrase;
        }

        public string[] Words { get; }

        public SensitiveKind Kind { get; }

        public EntryRole Role { get; }

        /// <summary>The phrase as words separated by spaces, for messages: "api key", "card number".</summary>
        public string Phrase { get; }
    }
}
