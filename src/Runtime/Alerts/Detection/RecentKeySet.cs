namespace SecureLogging.Alerts.Detection;

/// <summary>
/// The most recently seen distinct keys (as 64-bit hashes) with their last-seen time, in a fixed number of slots;
/// a new key replaces the least recently seen one. "At least k distinct keys within window w" is exact with k slots
/// or more, since the k most recently seen keys are always kept.
/// </summary>
internal sealed class RecentKeySet
{
    private readonly ulong[] _hashes;
    private readonly long[] _lastSeen;

    public RecentKeySet(int capacity)
    {
        _hashes = new ulong[capacity];
        _lastSeen = new long[capacity];
    }

    /// <summary>Records <paramref name="hash"/> as seen at <paramref name="nowTicks"/>.</summary>
    public void Touch(ulong hash, long nowTicks)
    {
        int oldest = 0;
        for (int i = 0; i < _hashes.Length; i++)
        {
            if (_hashes[i] == hash)
            {
                _lastSeen[i] = nowTicks;
                return;
            }

            if (_lastSeen[i] < _lastSeen[oldest])
            {
                oldest = i;
            }
        }

        _hashes[oldest] = hash;
        _lastSeen[oldest] = nowTicks;
    }

    /// <summary>Whether <paramref name="hash"/> was seen within the window ending at <paramref name="nowTicks"/>.</summary>
    public bool Contains(ulong hash, long nowTicks, long windowTicks)
    {
        for (int i = 0; i < _hashes.Length; i++)
        {
            if (_hashes[i] == hash)
            {
                return nowTicks - _lastSeen[i] < windowTicks;
            }
        }

        return false;
    }

    /// <summary>Distinct keys seen within the window ending at <paramref name="nowTicks"/>.</summary>
    public int CountWithin(long nowTicks, long windowTicks)
    {
        int n = 0;
        for (int i = 0; i < _hashes.Length; i++)
        {
            if (_hashes[i] != 0 && nowTicks - _lastSeen[i] < windowTicks)
            {
                n++;
            }
        }

        return n;
    }

    public void Clear()
    {
        Array.Clear(_hashes);
        Array.Clear(_lastSeen);
    }
}
