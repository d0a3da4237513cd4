using Microsoft.Extensions.Logging;

namespace SecureLogging;

/// <summary>
/// A security event to log with <see cref="SecurityLog.LogSecurityEvent"/>: any vocabulary event (SPEC §8) with any
/// fields. Fill the well-known properties and add event-specific ones with <see cref="With"/>; the runtime redacts
/// secret-named fields, masks credential-shaped strings and neutralises control characters when the event is logged.
/// </summary>
/// <example>
/// <code>
/// logger.LogSecurityEvent(new SecurityEvent(SecurityEventNames.AccountUpdated)
/// {
///     UserId = adminId,
///     TargetUserId = user.Id,
///     Reason = "two_factor_disabled",
/// }.With("changed", "two_factor_enabled"));
/// </code>
/// </example>
public sealed class SecurityEvent
{
    private readonly List<KeyValuePair<string, object?>> _fields = [];

    /// <summary>Creates an event.</summary>
    /// <param name="name">
    /// The event name: a vocabulary name, dotted (<c>account.updated</c>) or OWASP (<c>user_updated</c>), or an
    /// application-specific dotted name (logged with event id 0, level information, no OWASP name).
    /// </param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null, empty or blank.</exception>
    public SecurityEvent(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("A security event needs a name, e.g. SecurityEventNames.AccountUpdated.", nameof(name));
        }

        Definition = SecurityEventNames.Find(name);
        Name = Definition?.Name ?? LogText.Clean(name.Trim())!;
    }

    /// <summary>Gets the dotted event name (the canonical vocabulary name when the event is vocabulary).</summary>
    public string Name { get; }

    /// <summary>Gets the vocabulary definition, or <see langword="null"/> for an application-specific event.</summary>
    public SecurityEventDefinition? Definition { get; }

    /// <summary>Gets or sets the outcome: <c>success</c>, <c>failure</c> or <c>unknown</c> (see <see cref="SecurityOutcome"/>); the event's default when not set.</summary>
    public string? Outcome { get; set; }

    /// <summary>Gets or sets the level; the vocabulary level (or information) when not set.</summary>
    public LogLevel? Level { get; set; }

    /// <summary>Gets or sets the id of the user the event is about (the actor, for account changes).</summary>
    public string? UserId { get; set; }

    /// <summary>Gets or sets the attempted or known account name.</summary>
    public string? UserName { get; set; }

    /// <summary>Gets or sets a short machine-readable reason, e.g. <c>invalid_credentials</c>.</summary>
    public string? Reason { get; set; }

    /// <summary>Gets or sets the resource acted on (<c>resource</c> field).</summary>
    public string? Resource { get; set; }

    /// <summary>Gets or sets the action attempted (<c>action</c> field).</summary>
    public string? Action { get; set; }

    /// <summary>Gets or sets the id of the account an administrative action targets (<c>target_user_id</c> field).</summary>
    public string? TargetUserId { get; set; }

    /// <summary>Gets or sets the role granted or revoked (<c>role</c> field).</summary>
    public string? Role { get; set; }

    /// <summary>Gets or sets the permission or claim granted or revoked (<c>permission</c> field).</summary>
    public string? Permission { get; set; }

    /// <summary>Gets or sets the client ip address; the <see cref="SecurityContext"/> value when not set.</summary>
    public string? IpAddress { get; set; }

    /// <summary>Gets or sets the request id; the <see cref="SecurityContext"/> value when not set.</summary>
    public string? RequestId { get; set; }

    /// <summary>Gets or sets the client user agent; the <see cref="SecurityContext"/> value when not set.</summary>
    public string? UserAgent { get; set; }

    /// <summary>Gets the event-specific fields added with <see cref="With"/>, in the order added (names as given).</summary>
    public IReadOnlyList<KeyValuePair<string, object?>> Fields => _fields;

    /// <summary>
    /// Adds an event-specific field. The name is rendered in snake_case (<c>RecordCount</c> → <c>record_count</c>);
    /// a name of one of the fixed record fields (<c>user_id</c>, <c>reason</c>, <c>outcome</c>…) sets that field instead.
    /// Secret-named fields (<c>password</c>, <c>api_key</c>, <c>access_token</c>…) are redacted when the event is logged.
    /// </summary>
    /// <param name="name">The field name.</param>
    /// <param name="value">The value: a string, number, boolean, date, or anything with a meaningful <c>ToString()</c>.</param>
    /// <returns>This event, for chaining.</returns>
    public SecurityEvent With(string name, object? value)
    {
        var key = FieldNames.ToSnakeCase(name);
        switch (key)
        {
            case FieldNames.UserId: UserId = value?.ToString(); break;
            case FieldNames.UserName: UserName = value?.ToString(); break;
            case FieldNames.Reason: Reason = value?.ToString(); break;
            case FieldNames.Outcome: Outcome = value?.ToString(); break;
            case FieldNames.IpAddress: IpAddress = value?.ToString(); break;
            case FieldNames.RequestId: RequestId = value?.ToString(); break;
            case FieldNames.UserAgent: UserAgent = value?.ToString(); break;
            case FieldNames.Resource: Resource = value?.ToString(); break;
            case FieldNames.Action: Action = value?.ToString(); break;
            case FieldNames.TargetUserId: TargetUserId = value?.ToString(); break;
            case FieldNames.Role: Role = value?.ToString(); break;
            case FieldNames.Permission: Permission = value?.ToString(); break;
            default: _fields.Add(new KeyValuePair<string, object?>(name ?? string.Empty, value)); break;
        }

        return this;
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}
