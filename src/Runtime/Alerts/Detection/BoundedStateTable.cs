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
/// A map from key to per-key state with a hard capacity. Until it is full every key gets a slot. Once full, a new
/// key replaces the lowest-scoring of a run of sampled slots (sampled eviction, as Redis does, cheaper than exact
/// LRU/LFU bookkeeping); with a <see cref="FrequencySketch"/> it must also have been seen more often recently than
/// that victim, unless the victim is stale. That is the heavy-hitter protection: a flood of one-off keys keeps
/// failing admission instead of evicting a key that is under attack.
/// </summary>
/// <remarks>
/// Scores live in one flat array next to each other, and the sample is a run of adjacent slots at a random place, so
/// choosing a victim reads one or two cache lines instead of chasing eight state objects. Slots are filled in arrival
/// order and recycled at random, so adjacency says nothing about the keys. Not thread-safe: the detector serialises
/// access.
/// </remarks>
internal sealed class BoundedStateTable<TState>
    where TState : class, ITrackedState
{
    private const int EvictionSamples = 8;

    private readonly Dictionary<string, int> _index;
    private readonly string[] _keys;
    private readonly TState[] _states;
    private readonly SlotScore[] _scores;
    private readonly Func<TState> _factory;
    private readonly KeyHasher? _hasher;
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
    /// <param name="admissionHasher">When given, a full table consults a frequency sketch before admitting a key.</param>
    public BoundedStateTable(int capacity, Func<TState> factory, EvictionPolicy policy, TimeSpan staleAfter, KeyHasher? admissionHasher = null)
    {
        Capacity = capacity;
        _factory = factory;
        _policy = policy;
        _staleTicks = staleAfter.Ticks;
        _hasher = admissionHasher;

        // 64 counters per tracked key (4 MB of bytes for 10,000 keys) keep collisions of one-off keys rare.
        _sketchWidth = (int)Math.Min(1L << 24, Math.Max(1L << 16, (long)capacity * 64));
        _index = new Dictionary<string, int>(Math.Min(capacity, 1024), StringComparer.Ordinal);
        _keys = new string[capacity];
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

    /// <summary>The state of <paramref name="key"/> if it is tracked; does not count as a touch.</summary>
    public TState? Find(string key) => _index.TryGetValue(key, out int slot) ? _states[slot] : null;

    /// <summary>
    /// The state of <paramref name="key"/>, creating or recycling a slot for it, and counts a touch at
    /// <paramref name="nowTicks"/>; null when refused.
    /// </summary>
    public TState? GetOrAdmit(string key, long nowTicks)
    {
        if (_index.TryGetValue(key, out int slot))
        {
            ref SlotScore score = ref _scores[slot];
            if (_sketch is not null)
            {
                // Once the table has been full, tracked keys keep counting too, so a busy key's worth keeps growing.
                score.Estimate = _sketch.Increment(_hasher!.Hash(key), nowTicks);
            }

            score.Touch(nowTicks, _staleTicks);
            return _states[slot];
        }

        if (_count < Capacity)
        {
            slot = _count++;
            _states[slot] = _factory();
            _keys[slot] = key;
            _scores[slot] = new SlotScore { LastTicks = nowTicks, Touches = 1 };
            _index.Add(key, slot);
            return _states[slot];
        }

        int victim = SampleVictim(nowTicks, out long victimScore);
        int seen = 0;
        if (_hasher is not null)
        {
            _sketch ??= new FrequencySketch(_sketchWidth, TimeSpan.FromTicks(_staleTicks));
            seen = _sketch.Increment(_hasher.Hash(key), nowTicks);
            if (victimScore > 0 && seen <= victimScore)
            {
                Rejections++;
                return null;
            }
        }

        Evictions++;
        _index.Remove(_keys[victim]);
        _keys[victim] = key;
        _index.Add(key, victim);
        _scores[victim] = new SlotScore { LastTicks = nowTicks, Touches = 1, Estimate = seen };
        TState state = _states[victim];
        state.Reset();
        return state;
    }

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

    /// <summary>What a slot is worth: 16 bytes, four to a cache line.</summary>
    private struct SlotScore
    {
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
