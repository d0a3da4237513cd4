namespace SecureLogging.Alerts.Detection;

/// <summary>
/// A count-min sketch with conservative update and periodic halving (the TinyLFU admission filter): a fixed
/// block of byte counters that estimates how often a key was seen recently, never underestimating. The tables use
/// it to decide whether a key that is not tracked deserves a slot once they are full, so that a flood of one-off
/// keys cannot push out a key that keeps coming back (an attacker's account or ip address).
/// </summary>
internal sealed class FrequencySketch
{
    private const int Depth = 4;
    private readonly byte[] _counters;
    private readonly int _width;
    private readonly int _mask;
    private readonly long _halveAfterAdditions;
    private readonly long _halveAfterTicks;
    private long _additions;
    private long _lastHalvedTicks;

    /// <param name="minimumWidth">Counters per row; rounded up to a power of two.</param>
    /// <param name="halveAfter">Time after which all counts are halved, so the estimate follows recent traffic.</param>
    public FrequencySketch(int minimumWidth, TimeSpan halveAfter)
    {
        _width = (int)Math.Min(1 << 26, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(64, minimumWidth)));
        _mask = _width - 1;
        _counters = new byte[_width * Depth];

        // Under a flood the counters fill up; halving once there have been as many additions as counters in a row
        // keeps the false "seen before" rate of one-off keys low (a few percent) while a key seen twice within
        // that many events still stands out.
        _halveAfterAdditions = _width;
        _halveAfterTicks = halveAfter.Ticks;
    }

    public int Width => _width;

    public long ByteSize => _counters.Length;

    /// <summary>Counts one occurrence of <paramref name="hash"/> and returns the estimated count including it.</summary>
    public int Increment(ulong hash, long nowTicks)
    {
        if (_lastHalvedTicks == 0)
        {
            _lastHalvedTicks = nowTicks;
        }
        else if (nowTicks - _lastHalvedTicks >= _halveAfterTicks)
        {
            Halve();
            _lastHalvedTicks = nowTicks;
        }

        Span<int> index = stackalloc int[Depth];
        int min = int.MaxValue;
        for (int row = 0; row < Depth; row++)
        {
            int i = (row * _width) + IndexOf(hash, row);
            index[row] = i;
            min = Math.Min(min, _counters[i]);
        }

        if (min < byte.MaxValue)
        {
            // Conservative update: only the counters at the minimum grow, which keeps the overestimate of keys
            // sharing counters with busy ones far lower than incrementing every row.
            for (int row = 0; row < Depth; row++)
            {
                if (_counters[index[row]] == min)
                {
                    _counters[index[row]] = (byte)(min + 1);
                }
            }
        }

        if (++_additions >= _halveAfterAdditions)
        {
            Halve();
        }

        return Math.Min(min + 1, byte.MaxValue);
    }

    /// <summary>The estimated recent count of <paramref name="hash"/>.</summary>
    public int Estimate(ulong hash)
    {
        int min = int.MaxValue;
        for (int row = 0; row < Depth; row++)
        {
            min = Math.Min(min, _counters[(row * _width) + IndexOf(hash, row)]);
        }

        return min;
    }

    private int IndexOf(ulong hash, int row)
    {
        // Each row takes a different 16-bit-rotated view of the 64-bit hash remixed with a per-row odd constant.
        ulong h = unchecked((hash + (ulong)row) * (0x9E3779B97F4A7C15UL + ((ulong)row << 1)));
        return (int)(h >> 32) & _mask;
    }

    private void Halve()
    {
        // Eight counters at a time: shift the word and clear the bit each byte received from its neighbour.
        Span<ulong> words = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, ulong>(_counters);
        for (int i = 0; i < words.Length; i++)
        {
            words[i] = (words[i] >> 1) & 0x7F7F7F7F7F7F7F7FUL;
        }

        _additions = 0;
    }
}
