namespace SecureLogging.Alerts.Detection;

/// <summary>De-duplication of privilege-escalation alerts for one (actor, target, role) grant.</summary>
internal sealed class GrantThrottleState : ITrackedState
{
    public AlertThrottle Throttle;

    public void Reset()
    {
        Throttle.Reset();
    }

}
