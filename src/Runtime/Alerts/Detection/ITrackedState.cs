namespace SecureLogging.Alerts.Detection;

/// <summary>Per-key state kept in a <see cref="BoundedStateTable{TState}"/>; reused (reset) when its key is evicted.</summary>
internal interface ITrackedState
{
    /// <summary>Clears the state so the slot can serve another key.</summary>
    void Reset();
}
