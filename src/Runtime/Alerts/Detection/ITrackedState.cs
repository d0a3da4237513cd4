namespace SecureLogging.Alerts.Detection;

/// <summary>Per-key state kept in a <see cref="BoundedStateTable{TState}"/>; reused (reset) when its key is evicted.</summary>
internal interface ITrackedState
{
    /// <summary>Clears the state so the slot can serve another key.</summary>
    void Reset();

    /// <summary>
    /// How much the state is worth keeping at <paramref name="nowTicks"/>: the table evicts the lowest score among a
    /// few sampled slots. Zero means stale (nothing left in any window) and may always be replaced.
    /// </summary>
    long RetentionScore(long nowTicks);
}
