namespace SecureLogging.Analyzers.Internal.Sensitivity;

/// <summary>What the classifier concluded about a value, with the reason a diagnostic states.</summary>
internal readonly struct Verdict
{
    private Verdict(SensitiveKind kind, string? reason, string? phrase, bool excluded)
    {
        Kind = kind;
        Reason = reason;
        Phrase = phrase;
        IsExcluded = excluded;
    }

    public static Verdict Unknown => default;

    /// <summary>Positively not sensitive: redacted, marked [NotSensitive], an exempt type, or an excluded name.</summary>
    public static Verdict Excluded => new(SensitiveKind.None, null, null, excluded: true);

    public SensitiveKind Kind { get; }

    /// <summary>Why, completing "'x' …": "is a password", "is marked [Sensitive]", "fills the placeholder {Token}, which names a token".</summary>
    public string? Reason { get; }

    /// <summary>The listed phrase behind the verdict, when a name decided it (type rules look at it: integers under "pin" names).</summary>
    public string? Phrase { get; }

    public bool IsExcluded { get; }

    public bool IsSensitive => Kind != SensitiveKind.None;

    public SensitiveCategory Category => Kind.Category();

    public static Verdict Sensitive(SensitiveKind kind, string reason, string? phrase = null) => new(kind, reason, phrase, excluded: false);

    public Verdict WithReason(string reason) => new(Kind, reason, Phrase, IsExcluded);

    public static string Article(string phrase)
        => phrase.Length > 0 && "aeiouAEIOU".IndexOf(phrase[0]) >= 0 ? "an " + phrase : "a " + phrase;

    public static Verdict FromName(NameVerdict name)
    {
        if (name.IsSensitive)
        {
            return Sensitive(name.Kind, "is " + Article(name.Phrase!), name.Phrase);
        }

        return name.IsExcluded ? Excluded : Unknown;
    }

    /// <summary>The stronger of two verdicts (secret over card over personal); an exclusion never beats a finding.</summary>
    public static Verdict Max(Verdict a, Verdict b)
    {
        if (a.IsSensitive || b.IsSensitive)
        {
            return b.Kind.IsStrongerThan(a.Kind) ? b : a;
        }

        return a.IsExcluded ? a : b;
    }
}
