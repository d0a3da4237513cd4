namespace SecureLogging.Alerts.Detection;

/// <summary>
/// The most recently seen distinct keys (as 64-bit hashes) with their last-seen time, in a fixed number of slots;
/// a new key replaces the least recently seen one. "At least k distinct keys within window w" is exact with k slots
/// or more, since the k most recently seen keys are always kept.
/// </summary>
/// <remarks>
/// A view over a range of a buffer its owner shares with its other per-key structures (see <see cref="TimestampRing"/>):
/// each slot is a (hash, last seen) pair side by side, so a scan reads consecutive memory.
/// </remarks>
internal readonly struct RecentKeySet
{
    private readonly long[] _data;
    private readonly int _start;
    private readonly int _capacity;

    /// <summary>A set with a buffer of its own.</summary>
    public RecentKeySet(int capacity)
        : this(new long[Length(capacity)], 0, capacity)
    {
    }

    /// <summary>A set over <paramref name="buffer"/>[<paramref name="start"/> .. + <see cref="Length"/>(<paramref name="capacity"/>)).</summary>
    public RecentKeySet(long[] buffer, int start, int capacity)
    {
        _data = buffer;
        _start = start;
        _capacity = capacity;
    }

    /// <summary>Buffer entries a set of <paramref name="capacity"/> keys needs.</summary>
    public static int Length(int capacity) => capacity * 2;

    /// <summary>Records <paramref name="hash"/> (nonzero) as seen at <paramref name="nowTicks"/>.</summary>
    public void Touch(ulong hash, long nowTicks)
    {
        long key = unchecked((long)hash);
        Span<long> data = _data.AsSpan(_start, _capacity * 2);
        int oldest = 0;
        for (int i = 0; i < data.Length; i += 2)
        {
            if (data[i] == key)
            {
                data[i + 1] = nowTicks;
                return;
            }

            if (data[i + 1] < data[oldest + 1])
            {
                oldest = i;
            }
        }

        data[oldest] = key;
        data[oldest + 1] = nowTicks;
    }

    /// <summary>Whether <paramref name="hash"/> was seen within the window ending at <paramref name="nowTicks"/>.</summary>
    public bool Contains(ulong hash, long nowTicks, long windowTicks)
    {
        long key = unchecked((long)hash);
        ReadOnlySpan<long> data = _data.AsSpan(_start, _capacity * 2);
        for (int i = 0; i < data.Length; i += 2)
        {
            if (data[i] == key)
            {
                return nowTicks - data[i + 1] < windowTicks;
            }
        }

        return false;
    }

    /// <summary>Distinct keys seen within the window ending at <paramref name="nowTicks"/>.</summary>
    public int CountWithin(long nowTicks, long windowTicks)
    {
        ReadOnlySpan<long> data = _data.AsSpan(_start, _capacity * 2);
        int n = 0;
        for (int i = 0; i < data.Length; i += 2)
        {
            if (data[i] != 0 && nowTicks - data[i + 1] < windowTicks)
            {
                n++;
            }
        }

        return n;
    }

    public void Clear() => Array.Clear(_data, _start, _capacity * 2);
}
