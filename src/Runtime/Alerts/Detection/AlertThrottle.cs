namespace SecureLogging.Alerts.Detection;

/// <summary>What <see cref="AlertThrottle.Evaluate"/> decided for one trigger.</summary>
internal enum ThrottleDecision
{
    /// <summary>Part of an attack already alerted on recently: counted, not emitted.</summary>
    Suppress,

    /// <summary>A new attack: emit an alert.</summary>
    Alert,

    /// <summary>An ongoing attack whose update interval has passed: emit an update.</summary>
    Update,
}

/// <summary>
/// De-duplication of one detection for one key: one attack gives one alert, then at most one update per interval
/// while it continues; after a quiet period (no trigger for a whole detection window) the next trigger is a new attack.
/// </summary>
internal struct AlertThrottle
{
    private long _lastTrigger;
    private long _lastEmitted;

    /// <summary>When the current attack was first alerted on.</summary>
    public long AttackStartTicks { get; private set; }

    /// <summary>Triggers suppressed since the last alert or update (valid after an Update decision).</summary>
    public int Suppressed { get; private set; }

    /// <summary>Alerts and updates emitted for the current attack.</summary>
    public int Emitted { get; private set; }

    public ThrottleDecision Evaluate(long nowTicks, long updateIntervalTicks, long quietTicks)
    {
        if (_lastTrigger == 0 || nowTicks - _lastTrigger >= quietTicks)
        {
            _lastTrigger = nowTicks;
            _lastEmitted = nowTicks;
            AttackStartTicks = nowTicks;
            Suppressed = 0;
            Emitted = 1;
            return ThrottleDecision.Alert;
        }

        _lastTrigger = nowTicks;
        if (nowTicks - _lastEmitted >= updateIntervalTicks)
        {
            _lastEmitted = nowTicks;
            Emitted++;
            return ThrottleDecision.Update;
        }

        Suppressed++;
        return ThrottleDecision.Suppress;
    }

    /// <summary>Starts counting suppressed triggers afresh after an update was emitted.</summary>
    public void ClearSuppressed() => Suppressed = 0;

    public void Reset() => this = default;
}
