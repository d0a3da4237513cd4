namespace SecureLogging.Alerts.Detection;

/// <summary>
/// Failed sign-ins from one ip address: the last failure times (credential stuffing's attempt count), and per
/// account — for the most recently seen distinct accounts — how many failures it had from this address in the
/// current window (password spraying, credential stuffing). About 1 KB with the defaults.
/// </summary>
internal sealed class AddressFailureState : ITrackedState
{
    private readonly ulong[] _accounts;
    private readonly int[] _attempts;
    private readonly long[] _firstTicks;
    private readonly long[] _lastTicks;
    public AddressFailureState(int failureCapacity, int accountCapacity)
    {
        Failures = new TimestampRing(failureCapacity);
        _accounts = new ulong[accountCapacity];
        _attempts = new int[accountCapacity];
        _firstTicks = new long[accountCapacity];
        _lastTicks = new long[accountCapacity];
    }

    public TimestampRing Failures { get; }

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
        int oldest = 0;
        for (int i = 0; i < _accounts.Length; i++)
        {
            if (_accounts[i] == accountHash)
            {
                if (nowTicks - _firstTicks[i] >= countWindowTicks)
                {
                    _firstTicks[i] = nowTicks;
                    _attempts[i] = 0;
                }

                _attempts[i]++;
                _lastTicks[i] = nowTicks;
                return;
            }

            if (_lastTicks[i] < _lastTicks[oldest])
            {
                oldest = i;
            }
        }

        _accounts[oldest] = accountHash;
        _attempts[oldest] = 1;
        _firstTicks[oldest] = nowTicks;
        _lastTicks[oldest] = nowTicks;
    }

    /// <summary>
    /// Accounts that failed from this address within the window and have at most
    /// <paramref name="maxAttemptsPerAccount"/> attempts (more than that is brute force on that account, not
    /// spraying), and the sum of their attempts.
    /// </summary>
    public int CountAccounts(long nowTicks, long windowTicks, int maxAttemptsPerAccount, out int attempts)
    {
        int n = 0;
        attempts = 0;
        for (int i = 0; i < _accounts.Length; i++)
        {
            if (_accounts[i] != 0 && nowTicks - _lastTicks[i] < windowTicks && _attempts[i] <= maxAttemptsPerAccount)
            {
                n++;
                attempts += _attempts[i];
            }
        }

        return n;
    }

    public void Reset()
    {
        Failures.Clear();
        Array.Clear(_accounts);
        Array.Clear(_attempts);
        Array.Clear(_firstTicks);
        Array.Clear(_lastTicks);
        Run = default;
        Spraying.Reset();
        Stuffing.Reset();
    }

}
