namespace SecureLogging.Alerts.Detection;

/// <summary>An alert the engine decided to raise: the alert event name, who and where, and the evidence fields.</summary>
internal sealed class DetectedAlert
{
    public DetectedAlert(string eventName, string outcome, string reason, in SecurityObservation trigger, string? userId, string? userName, string? ipAddress, List<KeyValuePair<string, object?>> fields)
    {
        EventName = eventName;
        Outcome = outcome;
        Reason = reason;
        Trigger = trigger;
        UserId = userId;
        UserName = userName;
        IpAddress = ipAddress;
        Fields = fields;
    }

    public string EventName { get; }

    /// <summary>The outcome of the activity the alert is about: failure for failed attempts, success when an
    /// attacker (maybe) got in or a grant happened.</summary>
    public string Outcome { get; }

    public string Reason { get; }

    public SecurityObservation Trigger { get; }

    public string? UserId { get; }

    public string? UserName { get; }

    public string? IpAddress { get; }

    /// <summary>Evidence, snake_case: counts, window, first/last seen, thresholds, update / suppressed_count.</summary>
    public List<KeyValuePair<string, object?>> Fields { get; }

    public object? this[string field]
    {
        get
        {
            foreach (KeyValuePair<string, object?> pair in Fields)
            {
                if (pair.Key == field)
                {
                    return pair.Value;
                }
            }

            return null;
        }
    }
}
