namespace SecureLogging.Alerts.Detection;

/// <summary>De-duplication of privilege-escalation alerts for one (actor, target, role) grant.</summary>
internal sealed class GrantThrottleState : ITrackedState
{
    public AlertThrottle Throttle;

    public long LastTicks;

    public void Reset()
    {
        Throttle.Reset();
        LastTicks = 0;
    }

    public long RetentionScore(long nowTicks) => LastTicks;
}
