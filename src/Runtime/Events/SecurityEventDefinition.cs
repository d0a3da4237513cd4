using Microsoft.Extensions.Logging;

namespace SecureLogging;

/// <summary>
/// One event of the SecureLogging security vocabulary (SPEC §8): its dotted name, the OWASP Application Logging
/// Vocabulary name it maps to, its stable numeric <see cref="EventId"/>, its level and its default outcome.
/// </summary>
public sealed class SecurityEventDefinition
{
    internal SecurityEventDefinition(
        string name,
        string? owasp,
        int eventId,
        LogLevel level,
        string outcome,
        string[] ecsCategory,
        string[] ecsType)
    {
        Name = name;
        Owasp = owasp;
        EventId = eventId;
        Level = level;
        Outcome = outcome;
        EcsCategory = ecsCategory;
        EcsType = ecsType;
    }

    /// <summary>Gets the dotted event name, e.g. <c>authentication.failure</c>.</summary>
    public string Name { get; }

    /// <summary>Gets the OWASP vocabulary name, e.g. <c>authn_login_fail</c>, or <see langword="null"/> where OWASP lists none.</summary>
    public string? Owasp { get; }

    /// <summary>Gets the stable numeric event id (1xxx authentication, 2xxx authorization, 3xxx account, 4xxx data, 5xxx configuration, 6xxx API keys, 9xxx alerts).</summary>
    public int EventId { get; }

    /// <summary>Gets the level the event is logged at: information unless SPEC §8 says warning or critical.</summary>
    public LogLevel Level { get; }

    /// <summary>Gets the outcome an event of this kind has when the caller does not say: <c>success</c>, <c>failure</c> or <c>unknown</c>.</summary>
    public string Outcome { get; }

    /// <summary>Gets the ECS <c>event.category</c> values used by the ECS rendering.</summary>
    public IReadOnlyList<string> EcsCategory { get; }

    /// <summary>Gets the ECS <c>event.type</c> values used by the ECS rendering.</summary>
    public IReadOnlyList<string> EcsType { get; }

    /// <summary>Gets a value indicating whether the event is an <c>alert.*</c> raised by a detector.</summary>
    public bool IsAlert => Name.StartsWith("alert.", StringComparison.Ordinal);

    /// <summary>Returns the Microsoft.Extensions.Logging event id: the stable number and the dotted name.</summary>
    /// <returns>The event id.</returns>
    public EventId ToEventId() => new(EventId, Name);

    /// <inheritdoc />
    public override string ToString() => Name;
}
