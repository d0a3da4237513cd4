namespace SecureLogging.Alerts.Detection;

/// <summary>
/// Failed sign-ins from one ip address: the last failure times (credential stuffing's attempt count), and per
/// account — for the most recently seen distinct accounts — how many failures it had from this address in the
/// current window (password spraying, credential stuffing). One object and one array (about 1 KB with the defaults).
/// </summary>
internal sealed class AddressFailureState : ITrackedState
{
    // Per account entry, side by side so a scan reads consecutive memory: hash, first counted failure, last failure, attempts.
    private const int Stride = 4;
    private const int HashAt = 0, FirstAt = 1, LastAt = 2, AttemptsAt = 3;

    private readonly long[] _buffer;
    private readonly int _accountsStart;
    private readonly int _accountsLength;

    public AddressFailureState(int failureCapacity, int accountCapacity)
    {
        _accountsStart = failureCapacity;
        _accountsLength = accountCapacity * Stride;
        _buffer = new long[failureCapacity + _accountsLength];
        Failures = new TimestampRing(_buffer, 0, failureCapacity);
    }

    /// <summary>The last failure times (a field: the ring is a struct updated in place).</summary>
    public TimestampRing Failures;

    public FailureRun Run;

    public AlertThrottle Spraying;

    public AlertThrottle Stuffing;

    /// <summary>
    /// Records a failure for <paramref name="accountHash"/>. Its attempt count restarts when its first counted
    /// failure is older than <paramref name="countWindowTicks"/> (a window anchored at that first failure).
    /// </summary>
    public void AddFailure(ulong accountHash, long nowTicks, long countWindowTicks)
    {
        Failures.Add(nowTicks);
        long key = unchecked((long)accountHash);
        Span<long> entries = _buffer.AsSpan(_accountsStart, _accountsLength);
        int oldest = 0;
        for (int i = 0; i < entries.Length; i += Stride)
        {
            if (entries[i + HashAt] == key)
            {
                if (nowTicks - entries[i + FirstAt] >= countWindowTicks)
                {
                    entries[i + FirstAt] = nowTicks;
                    entries[i + AttemptsAt] = 0;
                }

                entries[i + AttemptsAt]++;
                entries[i + LastAt] = nowTicks;
                return;
            }

            if (entries[i + LastAt] < entries[oldest + LastAt])
            {
                oldest = i;
            }
        }

        entries[oldest + HashAt] = key;
        entries[oldest + AttemptsAt] = 1;
        entries[oldest + FirstAt] = nowTicks;
        entries[oldest + LastAt] = nowTicks;
    }

    /// <summary>
    /// Accounts that failed from this address within the window and have at most
    /// <paramref name="maxAttemptsPerAccount"/> attempts (more than that is brute force on that account, not
    /// spraying), and the sum of their attempts.
    /// </summary>
    public int CountAccounts(long nowTicks, long windowTicks, int maxAttemptsPerAccount, out int attempts)
    {
        ReadOnlySpan<long> entries = _buffer.AsSpan(_accountsStart, _accountsLength);
        int n = 0;
        long sum = 0;
        for (int i = 0; i < entries.Length; i += Stride)
        {
            if (entries[i + HashAt] != 0 && nowTicks - entries[i + LastAt] < windowTicks && entries[i + AttemptsAt] <= maxAttemptsPerAccount)
            {
                n++;
                sum += entries[i + AttemptsAt];
            }
        }

        attempts = (int)sum;
        return n;
    }

    public void Reset()
    {
        Array.Clear(_buffer);
        Failures.Clear();
        Run = default;
        Spraying.Reset();
        Stuffing.Reset();
    }
}
