namespace SecureLogging.Alerts.Detection;

/// <summary>
/// A map from key to per-key state with a hard capacity. Until it is full every key gets a slot. Once full, a new
/// key replaces the lowest-scoring of a few randomly sampled slots (sampled eviction, as Redis does, cheaper than
/// exact LRU/LFU bookkeeping and good enough at this sample size); with a <see cref="FrequencySketch"/> it must also
/// have been seen more often recently than that victim's score, unless the victim is stale. That is the heavy-hitter
/// protection: a flood of one-off keys keeps failing admission instead of evicting a key that is under attack.
/// </summary>
/// <remarks>Not thread-safe: the detector serialises access.</remarks>
internal sealed class BoundedStateTable<TState>
    where TState : class, ITrackedState
{
    private const int EvictionSamples = 8;

    private readonly Dictionary<string, int> _index;
    private readonly string[] _keys;
    private readonly TState[] _states;
    private readonly int[] _estimates;
    private readonly Func<TState> _factory;
    private readonly KeyHasher? _hasher;
    private readonly int _sketchWidth;
    private readonly TimeSpan _sketchHalving;
    private FrequencySketch? _sketch;
    private int _count;
    private ulong _random;

    /// <param name="capacity">The most keys held at once.</param>
    /// <param name="factory">Creates the state of a new slot.</param>
    /// <param name="admissionHasher">When given, a full table consults a frequency sketch before admitting a key.</param>
    /// <param name="sketchHalving">How often the sketch forgets half of what it counted.</param>
    public BoundedStateTable(int capacity, Func<TState> factory, KeyHasher? admissionHasher = null, TimeSpan sketchHalving = default)
    {
        Capacity = capacity;
        _factory = factory;
        _hasher = admissionHasher;
        _sketchHalving = sketchHalving > TimeSpan.Zero ? sketchHalving : TimeSpan.FromMinutes(30);

        // 64 counters per tracked key (4 MB of bytes for 10,000 keys) keep collisions of one-off keys rare.
        _sketchWidth = (int)Math.Min(1L << 22, Math.Max(1L << 16, (long)capacity * 64));
        _index = new Dictionary<string, int>(Math.Min(capacity, 1024), StringComparer.Ordinal);
        _keys = new string[capacity];
        _states = new TState[capacity];
        _estimates = new int[capacity];
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

    public TState? Find(string key) => _index.TryGetValue(key, out int slot) ? _states[slot] : null;

    public string KeyAt(int slot) => _keys[slot];

    /// <summary>The state of <paramref name="key"/>, creating or recycling a slot for it; null when refused.</summary>
    public TState? GetOrAdmit(string key, long nowTicks)
    {
        if (_index.TryGetValue(key, out int slot))
        {
            if (_sketch is not null)
            {
                // Once the table has been full, tracked keys keep counting too, so a busy key's worth keeps
                // growing beyond what its exact window holds.
                _estimates[slot] = _sketch.Increment(_hasher!.Hash(key), nowTicks);
            }

            return _states[slot];
        }

        if (_count < Capacity)
        {
            slot = _count++;
            _states[slot] = _factory();
            _keys[slot] = key;
            _index.Add(key, slot);
            return _states[slot];
        }

        int victim = SampleVictim(nowTicks, out long victimScore);
        int seen = 0;
        if (_hasher is not null)
        {
            _sketch ??= new FrequencySketch(_sketchWidth, _sketchHalving);
            seen = _sketch.Increment(_hasher.Hash(key), nowTicks);
            if (victimScore > 0 && seen <= victimScore)
            {
                Rejections++;
                return null;
            }
        }

        Evictions++;
        _estimates[victim] = seen;
        _index.Remove(_keys[victim]);
        _keys[victim] = key;
        _index.Add(key, victim);
        TState state = _states[victim];
        state.Reset();
        return state;
    }

    private int SampleVictim(long nowTicks, out long score)
    {
        int best = -1;
        score = long.MaxValue;
        for (int i = 0; i < EvictionSamples; i++)
        {
            int candidate = NextIndex();
            long candidateScore = _states[candidate].RetentionScore(nowTicks);

            // A key admitted on the strength of its sketch count is worth that count while it has anything in its
            // window: a freshly admitted attacker must not be the next victim of the one-off keys it beat.
            if (candidateScore > 0 && _estimates[candidate] > candidateScore)
            {
                candidateScore = _estimates[candidate];
            }

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

    private int NextIndex()
    {
        // xorshift64*: cheap, and the sampled slots need not be unpredictable — admission is what resists attackers.
        _random ^= _random >> 12;
        _random ^= _random << 25;
        _random ^= _random >> 27;
        ulong r = unchecked(_random * 0x2545F4914F6CDD1DUL);
        return (int)((r >> 32) * (ulong)Capacity >> 32);
    }
}
