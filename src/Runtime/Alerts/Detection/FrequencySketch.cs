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
    private readonly int _blockMask;
    private readonly long _halveAfterAdditions;
    private readonly long _halveAfterTicks;
    private long _additions;
    private long _lastHalvedTicks;

    /// <param name="minimumWidth">Counters per row; rounded up to a power of two.</param>
    /// <param name="halveAfter">Time after which all counts are halved, so the estimate follows recent traffic.</param>
    public FrequencySketch(int minimumWidth, TimeSpan halveAfter)
    {
        _width = (int)Math.Min(1 << 26, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(64, minimumWidth)));
        _counters = new byte[_width * Depth];
        _blockMask = (_counters.Length / 64) - 1;

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

        // Blocked layout: the four counters of a key sit in one 64-byte block (one per 16-byte quarter), so an update
        // costs one cache miss instead of four; the block and the four offsets come from different hash bits.
        int block = BlockOf(hash);
        int i0 = block + (int)(hash & 15);
        int i1 = block + 16 + (int)((hash >> 4) & 15);
        int i2 = block + 32 + (int)((hash >> 8) & 15);
        int i3 = block + 48 + (int)((hash >> 12) & 15);
        byte[] c = _counters;
        int min = Math.Min(Math.Min(c[i0], c[i1]), Math.Min(c[i2], c[i3]));
        if (min < byte.MaxValue)
        {
            // Conservative update: only the counters at the minimum grow, which keeps the overestimate of keys
            // sharing counters with busy ones far lower than incrementing every one.
            byte next = (byte)(min + 1);
            if (c[i0] == min)
            {
                c[i0] = next;
            }

            if (c[i1] == min)
            {
                c[i1] = next;
            }

            if (c[i2] == min)
            {
                c[i2] = next;
            }

            if (c[i3] == min)
            {
                c[i3] = next;
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
        int block = BlockOf(hash);
        byte[] c = _counters;
        return Math.Min(
            Math.Min(c[block + (int)(hash & 15)], c[block + 16 + (int)((hash >> 4) & 15)]),
            Math.Min(c[block + 32 + (int)((hash >> 8) & 15)], c[block + 48 + (int)((hash >> 12) & 15)]));
    }

    private int BlockOf(ulong hash) => (int)((hash >> 32) & (uint)_blockMask) << 6;

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
