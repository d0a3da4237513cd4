namespace SecureLogging.Alerts.Detection;

/// <summary>What kind of security event an observation is, as far as the detectors care.</summary>
internal enum ObservationKind
{
    /// <summary>Not relevant to any detector.</summary>
    None,

    /// <summary><c>authentication.failure</c>.</summary>
    AuthenticationFailure,

    /// <summary><c>authentication.success</c>.</summary>
    AuthenticationSuccess,

    /// <summary>A role or permission granted (<c>account.role_granted</c>, <c>account.permission_granted</c>), or an
    /// account created or updated with a role.</summary>
    Grant,
}

/// <summary>The fields of a security event the detectors read, taken from a <c>SecurityEventRecord</c>.</summary>
internal readonly record struct SecurityObservation(
    ObservationKind Kind,
    string EventName,
    string? UserId,
    string? UserName,
    string? IpAddress,
    string? UserAgent,
    string? RequestId,
    string? TargetUserId = null,
    string? Role = null,
    string? Permission = null)
{
    /// <summary>Accounts are keyed by <c>user_name ?? user_id</c> (SPEC §9).</summary>
    public string? Account => string.IsNullOrEmpty(UserName) ? (string.IsNullOrEmpty(UserId) ? null : UserId) : UserName;
}
