namespace SecureLogging.Alerts.Detection;

/// <summary>
/// The last N event times of one key. "At least k events within window w" is exact with N ≥ k: it holds exactly
/// when the k-th most recent time is within w — no per-event list, no buckets, a fixed N longs per key.
/// </summary>
/// <remarks>
/// A mutable struct over a range of a buffer its owner shares with its other per-key structures, so one key's state
/// is one object and one array (adjacent cache lines) rather than a chain of objects to dereference. Keep it in a
/// field (not a property): a copy would not see the owner's updates.
/// </remarks>
internal struct TimestampRing
{
    private readonly long[] _ticks;
    private readonly int _start;
    private readonly int _capacity;
    private int _next;
    private int _count;

    /// <summary>A ring with a buffer of its own.</summary>
    public TimestampRing(int capacity)
        : this(new long[capacity], 0, capacity)
    {
    }

    /// <summary>A ring over <paramref name="buffer"/>[<paramref name="start"/> .. + <paramref name="capacity"/>).</summary>
    public TimestampRing(long[] buffer, int start, int capacity)
    {
        _ticks = buffer;
        _start = start;
        _capacity = capacity;
        _next = 0;
        _count = 0;
    }

    public readonly int Count => _count;

    public void Add(long ticks)
    {
        _ticks[_start + _next] = ticks;
        _next = _next + 1 == _capacity ? 0 : _next + 1;
        if (_count < _capacity)
        {
            _count++;
        }
    }

    /// <summary>The time of the <paramref name="k"/>-th most recent event (1 = latest), or 0 when there are fewer.</summary>
    public readonly long KthMostRecent(int k)
    {
        if (k < 1 || k > _count)
        {
            return 0;
        }

        int i = _next - k;
        return _ticks[_start + (i < 0 ? i + _capacity : i)];
    }

    /// <summary>Whether at least <paramref name="k"/> events fall in the window of length <paramref name="windowTicks"/> ending now.</summary>
    public readonly bool HasAtLeast(int k, long nowTicks, long windowTicks)
    {
        long t = KthMostRecent(k);
        return t != 0 && nowTicks - t < windowTicks;
    }

    /// <summary>Events strictly after <paramref name="afterTicks"/> (counted up to the ring's capacity), and the earliest of them.</summary>
    public readonly int CountAfter(long afterTicks, out long earliest)
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

    /// <summary>Forgets every event (the buffer range is left as it is: only the first Count entries are ever read).</summary>
    public void Clear()
    {
        _next = 0;
        _count = 0;
    }
}
