namespace SecureLogging.Analyzers.Internal.Sensitivity;

/// <summary>What a name says about the value it names.</summary>
internal readonly struct NameVerdict
{
    private NameVerdict(SensitiveKind kind, string? phrase, bool excluded)
    {
        Kind = kind;
        Phrase = phrase;
        IsExcluded = excluded;
    }

    /// <summary>The name says nothing either way (<c>value</c>, <c>userName</c>, <c>x</c>).</summary>
    public static NameVerdict Unknown => default;

    /// <summary>
    /// The name mentions a sensitive word but ends in an excluded tail (<c>tokenType</c>, <c>passwordPolicy</c>,
    /// <c>continuationToken</c>) or a project-ignored phrase: positively not sensitive.
    /// </summary>
    public static NameVerdict Excluded => new(SensitiveKind.None, null, excluded: true);

    public SensitiveKind Kind { get; }

    /// <summary>The listed phrase that matched ("password", "api key"), for the message.</summary>
    public string? Phrase { get; }

    public bool IsExcluded { get; }

    public bool IsSensitive => Kind != SensitiveKind.None;

    public static NameVerdict Sensitive(SensitiveKind kind, string phrase) => new(kind, phrase, excluded: false);
}
