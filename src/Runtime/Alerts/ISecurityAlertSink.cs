namespace SecureLogging;

/// <summary>
/// Receives every alert (<c>alert.*</c> record) the in-process detectors raise, e.g. to page someone. Alerts also go
/// to the store and forwarders like any security event; a sink is for what needs a human now.
/// </summary>
/// <remarks>
/// Implementations must not throw and must not block: queue the work (see <see cref="WebhookAlertSink"/>). The
/// detector catches and counts exceptions anyway so one bad sink cannot stop the others.
/// </remarks>
public interface ISecurityAlertSink
{
    /// <summary>Called once per alert and once per periodic update of an ongoing attack.</summary>
    /// <param name="alert">The alert record: critical level, an <c>alert.*</c> event, evidence in <see cref="SecurityEventRecord.Fields"/>.</param>
    void OnAlert(SecurityEventRecord alert);
}
