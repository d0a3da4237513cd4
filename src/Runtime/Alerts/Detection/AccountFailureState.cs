namespace SecureLogging.Alerts.Detection;

/// <summary>
/// Failed sign-ins of one account: the last few failure times (brute force, failures-then-success), the most
/// recent distinct ip addresses they came from (distributed brute force), the current run of failures for the
/// evidence, and the de-duplication state of each alert. One object and one array (about 350 bytes with the defaults).
/// </summary>
internal sealed class AccountFailureState : ITrackedState
{
    private readonly long[] _buffer;

    public AccountFailureState(int failureCapacity, int addressCapacity)
    {
        _buffer = new long[failureCapacity + RecentKeySet.Length(addressCapacity)];
        Failures = new TimestampRing(_buffer, 0, failureCapacity);
        Addresses = new RecentKeySet(_buffer, failureCapacity, addressCapacity);
    }

    /// <summary>The last failure times (a field: the ring is a struct updated in place).</summary>
    public TimestampRing Failures;

    public readonly RecentKeySet Addresses;

    public long LastSuccessTicks;

    /// <summary>Failures since <see cref="FailureRun.FirstTicks"/>, a run ending after a whole window without failures.</summary>
    public FailureRun Run;

    public AlertThrottle BruteForce;

    public AlertThrottle Distributed;

    public void Reset()
    {
        Array.Clear(_buffer);
        Failures.Clear();
        LastSuccessTicks = 0;
        Run = default;
        BruteForce.Reset();
        Distributed.Reset();
    }
}

/// <summary>A run of failures with no gap as long as the detection window: the evidence an alert reports.</summary>
internal struct FailureRun
{
    public long FirstTicks;
    public long LastTicks;
    public long Count;

    public void Add(long nowTicks, long gapTicks)
    {
        if (Count == 0 || nowTicks - LastTicks >= gapTicks)
        {
            FirstTicks = nowTicks;
            Count = 0;
        }

        LastTicks = nowTicks;
        Count++;
    }
}
