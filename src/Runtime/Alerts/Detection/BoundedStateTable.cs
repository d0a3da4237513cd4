namespace SecureLogging.Alerts.Detection;

/// <summary>How a full <see cref="BoundedStateTable{TState}"/> picks the slot to give up.</summary>
internal enum EvictionPolicy
{
    /// <summary>The key with the fewest recent touches (failure tables): a flood of one-off keys cannot evict a busy key.</summary>
    LeastFrequent,

    /// <summary>The key touched longest ago (sign-in histories).</summary>
    LeastRecent,
}

/// <summary>
/// A map from key to per-key state with a hard capacity. Keys are 64-bit <see cref="KeyHasher"/> hashes, never the
/// attacker-chosen strings: a slot costs the same whatever the string, no string is kept alive, and a lookup compares
/// one number. Until it is full every key gets a slot. Once full, a new key replaces the lowest-scoring of a run of
/// sampled slots (sampled eviction, as Redis does, cheaper than exact LRU/LFU bookkeeping); with a
/// <see cref="FrequencySketch"/> it must also have been seen more often recently than that victim, unless the victim
/// is stale. That is the heavy-hitter protection: a flood of one-off keys keeps failing admission instead of evicting
/// a key that is under attack.
/// </summary>
/// <remarks>
/// <para>
/// The index is an open-addressing table of 8-byte entries (40 bits of the hash and the slot) with linear probing, at
/// most half full: 256 KB for 10,000 keys, so a lookup — hit or miss — usually reads one cache line, often already
/// cached; a hit is confirmed against the whole hash kept with the slot's score. Removal shifts the following run
/// back instead of leaving tombstones.
/// The seed of the hash is random per process, so an attacker cannot aim keys at one run of the index. Two keys share
/// a slot only if their 64-bit hashes collide: about one chance in 10^11 among the keys of a full default table.
/// </para>
/// <para>
/// Scores live in one flat array next to each other, and the sample is a run of adjacent slots at a random place, so
/// choosing a victim reads one or two cache lines instead of chasing eight state objects. Slots are filled in arrival
/// order and recycled at random, so adjacency says nothing about the keys. Not thread-safe: the detector serialises
/// access.
/// </para>
/// </remarks>
internal sealed class BoundedStateTable<TState>
    where TState : class, ITrackedState
{
    private const int EvictionSamples = 8;

    // 64 counters per tracked key (4 MB for 10,000 keys): the sketch halves after as many additions as a row has
    // counters, so its width is also how many flood events an attacker's repeated key can be apart and still count.
    private const int SketchCountersPerKey = 64;

    // Slot numbers take the low 24 bits of an index entry: capacities are validated to at most 10,000,000 < 2^24.
    private const int SlotBits = 24;
    private const ulong SlotMask = (1UL << SlotBits) - 1;

    private readonly ulong[] _index;
    private readonly int _indexMask;
    private readonly TState[] _states;
    private readonly SlotScore[] _scores;
    private readonly Func<TState> _factory;
    private readonly bool _admission;
    private readonly EvictionPolicy _policy;
    private readonly long _staleTicks;
    private readonly int _sketchWidth;
    private FrequencySketch? _sketch;
    private int _count;
    private ulong _random;

    /// <param name="capacity">The most keys held at once.</param>
    /// <param name="factory">Creates the state of a new slot.</param>
    /// <param name="policy">What a full table gives up first.</param>
    /// <param name="staleAfter">A key untouched this long is worth nothing and may always be replaced.</param>
    /// <param name="admissionSketch">When true, a full table consults a frequency sketch before admitting a key.</param>
    public BoundedStateTable(int capacity, Func<TState> factory, EvictionPolicy policy, TimeSpan staleAfter, bool admissionSketch = false)
    {
        Capacity = capacity;
        _factory = factory;
        _policy = policy;
        _staleTicks = staleAfter.Ticks;
        _admission = admissionSketch;

        _sketchWidth = (int)Math.Min(1L << 24, Math.Max(1L << 16, (long)capacity * SketchCountersPerKey));
        int indexSize = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, capacity * 2));
        _index = new ulong[indexSize];
        _indexMask = indexSize - 1;
        _states = new TState[capacity];
        _scores = new SlotScore[capacity];
        _random = 0x2545F4914F6CDD1DUL ^ (ulong)Environment.TickCount64;
    }

    public int Capacity { get; }

    public int Count => _count;

    /// <summary>Keys displaced by another key.</summary>
    public long Evictions { get; private set; }

    /// <summary>Keys refused a slot because the table was full of keys seen at least as often.</summary>
    public long Rejections { get; private set; }

    /// <summary>Bytes of the admission sketch, once the table has filled up (0 before).</summary>
    public long SketchBytes => _sketch?.ByteSize ?? 0;

    /// <summary>The state of the key with hash <paramref name="key"/> if it is tracked; does not count as a touch.</summary>
    public TState? Find(ulong key)
    {
        int slot = IndexOf(key, out _);
        return slot >= 0 ? _states[slot] : null;
    }

    /// <summary>
    /// The state of the key with hash <paramref name="key"/> (a nonzero <see cref="KeyHasher"/> value), creating or
    /// recycling a slot for it, and counts a touch at <paramref name="nowTicks"/>; null when refused.
    /// </summary>
    public TState? GetOrAdmit(ulong key, long nowTicks)
    {
        int slot = IndexOf(key, out int position);
        if (slot >= 0)
        {
            ref SlotScore score = ref _scores[slot];
            if (_sketch is not null)
            {
                // Once the table has been full, tracked keys keep counting too, so a busy key's worth keeps growing.
                score.Estimate = _sketch.Increment(key, nowTicks);
            }

            score.Touch(nowTicks, _staleTicks);
            return _states[slot];
        }

        if (_count < Capacity)
        {
            slot = _count++;
            _states[slot] = _factory();
            _scores[slot] = new SlotScore { Key = key, LastTicks = nowTicks, Touches = 1 };
            _index[position] = Entry(key, slot);
            return _states[slot];
        }

        int victim = SampleVictim(nowTicks, out long victimScore);
        int seen = 0;
        if (_admission)
        {
            _sketch ??= new FrequencySketch(_sketchWidth, TimeSpan.FromTicks(_staleTicks));
            seen = _sketch.Increment(key, nowTicks);
            if (victimScore > 0 && seen <= victimScore)
            {
                Rejections++;
                return null;
            }
        }

        Evictions++;
        RemoveFromIndex(_scores[victim].Key);

        // The removal may have shifted the run this key probes, so its free position is looked up again.
        IndexOf(key, out position);
        _index[position] = Entry(key, victim);
        _scores[victim] = new SlotScore { Key = key, LastTicks = nowTicks, Touches = 1, Estimate = seen };
        TState state = _states[victim];
        state.Reset();
        return state;
    }

    /// <summary>The slot of <paramref name="key"/>, or -1 with the free index position where it would go.</summary>
    private int IndexOf(ulong key, out int position)
    {
        ulong[] index = _index;
        ulong fingerprint = key >> SlotBits;
        int i = (int)fingerprint & _indexMask;
        while (true)
        {
            ulong entry = index[i];
            if (entry == 0)
            {
                position = i;
                return -1;
            }

            if (entry >> SlotBits == fingerprint)
            {
                // 40 bits matched; the slot holds the whole key, which settles it.
                int slot = (int)(entry & SlotMask) - 1;
                if (_scores[slot].Key == key)
                {
                    position = i;
                    return slot;
                }
            }

            i = (i + 1) & _indexMask;
        }
    }

    private void RemoveFromIndex(ulong key)
    {
        if (IndexOf(key, out int hole) < 0)
        {
            return;
        }

        // Backward-shift deletion: move each later entry of the run into the hole unless its home position lies
        // cyclically after the hole (moving it would put it before its home, where a lookup never starts).
        int i = hole;
        while (true)
        {
            i = (i + 1) & _indexMask;
            ulong entry = _index[i];
            if (entry == 0)
            {
                break;
            }

            int home = (int)(entry >> SlotBits) & _indexMask;
            bool stays = hole <= i ? hole < home && home <= i : hole < home || home <= i;
            if (!stays)
            {
                _index[hole] = entry;
                hole = i;
            }
        }

        _index[hole] = 0;
    }

    /// <summary>An index entry: the top 40 bits of the key (which also give its home position) and slot + 1.</summary>
    private static ulong Entry(ulong key, int slot) => ((key >> SlotBits) << SlotBits) | (uint)(slot + 1);

    private int SampleVictim(long nowTicks, out long score)
    {
        int start = NextIndex();
        int best = start;
        score = long.MaxValue;
        for (int i = 0; i < EvictionSamples; i++)
        {
            int candidate = start + i < Capacity ? start + i : start + i - Capacity;
            long candidateScore = Score(in _scores[candidate], nowTicks);
            if (candidateScore < score)
            {
                score = candidateScore;
                best = candidate;
                if (score == 0)
                {
                    break;
                }
            }
        }

        return best;
    }

    private long Score(in SlotScore slot, long nowTicks)
    {
        if (nowTicks - slot.LastTicks >= _staleTicks)
        {
            return 0;
        }

        if (_policy == EvictionPolicy.LeastRecent)
        {
            return slot.LastTicks;
        }

        // A key admitted on the strength of its sketch count is worth that count while it is fresh: a freshly
        // admitted attacker must not be the next victim of the one-off keys it beat.
        return Math.Max(slot.Touches, slot.Estimate);
    }

    private int NextIndex()
    {
        // xorshift64*: cheap, and the sampled slots need not be unpredictable — admission is what resists attackers.
        _random ^= _random >> 12;
        _random ^= _random << 25;
        _random ^= _random >> 27;
        ulong r = unchecked(_random * 0x2545F4914F6CDD1DUL);
        return (int)((r >> 32) * (ulong)Capacity >> 32);
    }

    /// <summary>A slot's key and what it is worth: 24 bytes, so the eight sampled slots span three or four cache lines.</summary>
    private struct SlotScore
    {
        public ulong Key;
        public long LastTicks;
        public int Touches;
        public int Estimate;

        /// <summary>Counts a touch; a key untouched for the stale period starts counting afresh.</summary>
        public void Touch(long nowTicks, long staleTicks)
        {
            Touches = nowTicks - LastTicks >= staleTicks ? 1 : Touches + 1;
            LastTicks = nowTicks;
        }
    }
}
