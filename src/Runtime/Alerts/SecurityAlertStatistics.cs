namespace SecureLogging;

/// <summary>Counters of a <see cref="SecurityAlertDetector"/>, for health checks and dashboards.</summary>
/// <param name="Observed">Security events looked at.</param>
/// <param name="Raised">Alerts and periodic updates raised.</param>
/// <param name="Suppressed">Triggers folded into an alert already raised (de-duplication).</param>
/// <param name="Untracked">
/// Failed sign-ins whose account or ip address got no slot because the tables were full of keys with more recent
/// failures (see <c>docs/detection/README.md</c>); non-zero only under a flood of distinct keys.
/// </param>
/// <param name="TrackedAccounts">Accounts currently tracked for failures.</param>
/// <param name="TrackedIpAddresses">Ip addresses currently tracked for failures.</param>
/// <param name="TrackedUsers">Users with a sign-in history (unusual access).</param>
/// <param name="SinkErrors">Exceptions thrown by alert sinks or by the detector itself (each caught and counted).</param>
public sealed record SecurityAlertStatistics(
    long Observed,
    long Raised,
    long Suppressed,
    long Untracked,
    int TrackedAccounts,
    int TrackedIpAddresses,
    int TrackedUsers,
    long SinkErrors);
