namespace SecureLogging;

/// <summary>How a <see cref="SecurityEventRecord"/> is rendered as JSON.</summary>
public enum SecurityEventFormat
{
    /// <summary>
    /// The canonical SPEC §8 record: flat snake_case, always <c>timestamp</c>, <c>level</c>, <c>event</c>, <c>owasp</c>,
    /// <c>outcome</c>, <c>user_id</c>, <c>user_name</c>, <c>ip_address</c>, <c>request_id</c>, <c>user_agent</c>,
    /// <c>reason</c> (null when unknown), then the event-specific fields.
    /// </summary>
    Canonical = 0,

    /// <summary>
    /// Elastic Common Schema: <c>@timestamp</c>, <c>log.level</c>, <c>event.*</c> (kind, action = dotted name, category,
    /// type, outcome, code, reason), <c>user.id</c>, <c>user.name</c>, <c>user.target.id</c>, <c>source.ip</c>,
    /// <c>user_agent.original</c>, <c>http.request.id</c>; the OWASP name and the other event-specific fields under
    /// <c>securelogging</c>. Unknown values are omitted, as ECS expects.
    /// </summary>
    Ecs = 1,
}
