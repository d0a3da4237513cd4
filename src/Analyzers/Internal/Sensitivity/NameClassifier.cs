using System.Collections.Concurrent;
using System.Collections.Generic;

namespace SecureLogging.Analyzers.Internal.Sensitivity;

/// <summary>
/// Judges a name by its last word(s) (SPEC §5): trailing value/text/string/raw/plain/input/bytes/base64 and digits are
/// dropped until a listed or excluded phrase ends the name. Verdicts are cached per word set (names repeat a lot).
/// </summary>
internal sealed class NameClassifier
{
    private static readonly string[][] TrailingDrops = SplitAll(DefaultLists.TrailingDrops);

    private readonly WordSet _words;
    private readonly ConcurrentDictionary<string, NameVerdict> _cache = new(System.StringComparer.Ordinal);

    public NameClassifier(WordSet words)
    {
        _words = words;
    }

    public static NameClassifier Default { get; } = new(WordSet.Default);

    public NameVerdict Classify(string? name)
    {
        if (name is null || name.Length == 0)
        {
            return NameVerdict.Unknown;
        }

        if (_cache.TryGetValue(name, out var cached))
        {
            return cached;
        }

        var verdict = ClassifyUncached(name);
        if (_cache.Count < 100_000)
        {
            _cache.TryAdd(name, verdict);
        }

        return verdict;
    }

    /// <summary>True when the name ends in an excluded tail (<c>Id</c>, <c>UserName</c>, <c>TokenType</c>), sensitive word or not.</summary>
    public bool EndsWithExcludedTail(string name)
    {
        var words = NameWords.Split(name);
        return _words.MatchSuffix(words, words.Count) is { Role: WordSet.EntryRole.Excluded };
    }

    private NameVerdict ClassifyUncached(string name)
    {
        var words = NameWords.Split(name);
        var count = words.Count;
        while (count > 0)
        {
            var entry = _words.MatchSuffix(words, count);
            if (entry is not null)
            {
                switch (entry.Role)
                {
                    case WordSet.EntryRole.Listed:
                        return NameVerdict.Sensitive(entry.Kind, entry.Phrase);
                    case WordSet.EntryRole.Ignored:
                        return NameVerdict.Excluded;
                    default:
                        // "not sensitive despite an earlier word": only positive when a sensitive word is there at all.
                        return _words.MentionsListedPhrase(words, count) ? NameVerdict.Excluded : NameVerdict.Unknown;
                }
            }

            var dropped = TrailingDropLength(words, count);
            if (dropped == 0)
            {
                break;
            }

            count -= dropped;
        }

        return NameVerdict.Unknown;
    }

    private static int TrailingDropLength(List<string> words, int count)
    {
        // Phrases first: "base64" is split into base, 64, and dropping the digits alone would leave "base".
        foreach (var drop in TrailingDrops)
        {
            if (drop.Length > count)
            {
                continue;
            }

            var matches = true;
            for (var i = 0; i < drop.Length && matches; i++)
            {
                matches = words[count - drop.Length + i] == drop[i];
            }

            if (matches)
            {
                return drop.Length;
            }
        }

        return IsDigits(words[count - 1]) ? 1 : 0;
    }

    private static bool IsDigits(string word)
    {
        foreach (var c in word)
        {
            if (!char.IsDigit(c))
            {
                return false;
            }
        }

        return word.Length > 0;
    }

    private static string[][] SplitAll(string[] phrases)
    {
        var result = new string[phrases.Length][];
        for (var i = 0; i < phrases.Length; i++)
        {
            result[i] = NameWords.Split(phrases[i]).ToArray();
        }

        return result;
    }
}
