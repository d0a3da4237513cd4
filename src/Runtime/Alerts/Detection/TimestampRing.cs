namespace SecureLogging.Alerts.Detection;

/// <summary>
/// The last N event times of one key. "At least k events within window w" is exact with N ≥ k: it holds exactly
/// when the k-th most recent time is within w — no per-event list, no buckets, a fixed N longs per key.
/// </summary>
internal sealed class TimestampRing
{
    private readonly long[] _ticks;
    private int _next;
    private int _count;

    public TimestampRing(int capacity) => _ticks = new long[capacity];

    public int Count => _count;

    public void Add(long ticks)
    {
        _ticks[_next] = ticks;
        _next = _next + 1 == _ticks.Length ? 0 : _next + 1;
        if (_count < _ticks.Length)
        {
            _count++;
        }
    }

    /// <summary>The time of the <paramref name="k"/>-th most recent event (1 = latest), or 0 when there are fewer.</summary>
    public long KthMostRecent(int k)
    {
        if (k < 1 || k > _count)
        {
            return 0;
        }

        int i = _next - k;
        return _ticks[i < 0 ? i + _ticks.Length : i];
    }

    /// <summary>Whether at least <paramref name="k"/> events fall in the window of length <paramref name="windowTicks"/> ending now.</summary>
    public bool HasAtLeast(int k, long nowTicks, long windowTicks)
    {
        long t = KthMostRecent(k);
        return t != 0 && nowTicks - t < windowTicks;
    }

    /// <summary>Events strictly after <paramref name="afterTicks"/> (counted up to the ring's capacity), and the earliest of them.</summary>
    public int CountAfter(long afterTicks, out long earliest)
    {
        earliest = 0;
        int n = 0;
        for (int k = 1; k <= _count; k++)
        {
            long t = KthMostRecent(k);
            if (t <= afterTicks)
            {
                break;
            }

            earliest = t;
            n++;
        }

        return n;
    }

    public void Clear()
    {
        _next = 0;
        _count = 0;
    }
}
