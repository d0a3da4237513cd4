namespace SecureLogging;

/// <summary>
/// Supplies the who/where of a <see cref="SecurityContext"/> scope on demand, when an event is created. Implementations
/// must not throw and must be cheap: they are read once per event.
/// </summary>
internal interface ISecurityContextSource
{
    string? IpAddress { get; }

    string? RequestId { get; }

    string? UserAgent { get; }

    string? UserId { get; }
}
