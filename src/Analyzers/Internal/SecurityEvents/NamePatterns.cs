using System;
using System.Collections.Immutable;

namespace SecureLogging.Analyzers.Internal.SecurityEvents;

/// <summary>
/// A comma-separated list of name patterns from <c>.editorconfig</c> where <c>*</c> matches any run of characters
/// (<c>MyApp.Audit.Record*</c>, <c>Export*</c>). Matching is case-insensitive and linear in practice (patterns are short).
/// </summary>
internal sealed class NamePatterns
{
    public static readonly NamePatterns Empty = new(ImmutableArray<string>.Empty, string.Empty);

    private readonly ImmutableArray<string> _patterns;

    private NamePatterns(ImmutableArray<string> patterns, string key)
    {
        _patterns = patterns;
        Key = key;
    }

    /// <summary>The normalised list, usable as a cache key.</summary>
    public string Key { get; }

    public bool IsEmpty => _patterns.IsEmpty;

    public static NamePatterns Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Empty;
        }

        var builder = ImmutableArray.CreateBuilder<string>();
        foreach (var part in value!.Split(','))
        {
            var pattern = part.Trim();
            if (pattern.Length > 0)
            {
                builder.Add(pattern);
            }
        }

        var patterns = builder.ToImmutable();
        return patterns.IsEmpty ? Empty : new NamePatterns(patterns, string.Join(",", patterns));
    }

    public bool Matches(string name)
    {
        foreach (var pattern in _patterns)
        {
            if (GlobMatch(pattern, name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Classic two-pointer wildcard match with backtracking to the last <c>*</c>: O(n·m) worst case, no allocation.</summary>
    internal static bool GlobMatch(string pattern, string text)
    {
        int p = 0, t = 0, star = -1, mark = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && pattern[p] != '*' && char.ToUpperInvariant(pattern[p]) == char.ToUpperInvariant(text[t]))
            {
                p++;
                t++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                mark = t;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++mark;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }

    public override string ToString() => Key;
}
