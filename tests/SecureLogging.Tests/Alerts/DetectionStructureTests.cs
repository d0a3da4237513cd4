using SecureLogging.Alerts.Detection;

namespace SecureLogging.Tests.Alerts;

public class DetectionStructureTests
{
    [Fact]
    public void Timestamp_ring_answers_at_least_k_within_a_window_exactly()
    {
        var ring = new TimestampRing(3);
        Assert.False(ring.HasAtLeast(1, 100, 10));
        ring.Add(100);
        ring.Add(105);
        ring.Add(109);
        Assert.True(ring.HasAtLeast(3, 109, 10));
        Assert.False(ring.HasAtLeast(3, 110, 10)); // 100 is exactly 10 old: out
        ring.Add(111);
        Assert.Equal(111, ring.KthMostRecent(1));
        Assert.Equal(105, ring.KthMostRecent(3));
        Assert.Equal(0, ring.KthMostRecent(4));
        Assert.Equal(2, ring.CountAfter(105, out long earliest));
        Assert.Equal(109, earliest);
    }

    [Fact]
    public void Recent_key_set_keeps_the_most_recently_seen_keys()
    {
        var set = new RecentKeySet(3);
        set.Touch(1, 10);
        set.Touch(2, 20);
        set.Touch(3, 30);
        set.Touch(1, 40); // refresh 1
        set.Touch(4, 50); // evicts 2, the least recently seen
        Assert.True(set.Contains(1, 50, 100));
        Assert.False(set.Contains(2, 50, 100));
        Assert.Equal(3, set.CountWithin(50, 100));
        Assert.Equal(2, set.CountWithin(50, 20)); // 3 (at 30) is 20 old: out
    }

    [Fact]
    public void Frequency_sketch_never_underestimates_and_halves()
    {
        var hasher = new KeyHasher(42);
        var sketch = new FrequencySketch(1 << 16, TimeSpan.FromMinutes(10));
        ulong key = hasher.Hash("mallory");
        for (int i = 1; i <= 20; i++)
        {
            Assert.True(sketch.Increment(key, 1) >= i);
        }

        long later = TimeSpan.FromMinutes(11).Ticks;
        int afterHalving = sketch.Increment(key, later);
        Assert.InRange(afterHalving, 10, 12);

        // One-off keys mostly look like one-offs at a load of a quarter of the width.
        int falseRepeats = 0;
        for (int i = 0; i < 16_000; i++)
        {
            if (sketch.Increment(hasher.Hash("k" + i), later) > 1)
            {
                falseRepeats++;
            }
        }

        Assert.True(falseRepeats < 800, $"{falseRepeats} one-off keys looked repeated");
    }

    [Fact]
    public void Key_hasher_is_seeded()
    {
        Assert.Equal(new KeyHasher(1).Hash("alice"), new KeyHasher(1).Hash("alice"));
        Assert.NotEqual(new KeyHasher(1).Hash("alice"), new KeyHasher(2).Hash("alice"));
        Assert.NotEqual(new KeyHasher(1).Hash("alice"), new KeyHasher(1).Hash("alicf"));
        Assert.NotEqual(0UL, new KeyHasher(1).Hash(string.Empty));
    }

    [Fact]
    public void A_full_table_admits_a_repeated_key_over_one_off_keys_and_keeps_it()
    {
        var hasher = new KeyHasher(7);
        var table = new BoundedStateTable<AccountFailureState>(64, () => new AccountFailureState(32, 8), EvictionPolicy.LeastFrequent, TimeSpan.FromMinutes(20), admissionSketch: true);
        long now = TimeSpan.FromDays(1).Ticks;
        int attackerFailures = 0;
        for (int i = 0; i < 100_000; i++)
        {
            table.GetOrAdmit(hasher.Hash("one-off-" + i), now)?.Failures.Add(now);
            if (i % 5_000 == 2_500)
            {
                AccountFailureState? attacker = table.GetOrAdmit(hasher.Hash("attacker"), now);
                if (attacker is not null)
                {
                    attacker.Failures.Add(now);
                    attackerFailures = attacker.Failures.Count;
                }
            }
        }

        Assert.Equal(64, table.Count);
        Assert.True(table.Rejections > 90_000);
        Assert.NotNull(table.Find(hasher.Hash("attacker")));
        Assert.True(attackerFailures >= 15, $"attacker tracked with only {attackerFailures} of 20 failures");
    }

    [Fact]
    public void A_full_table_of_stale_keys_admits_new_keys_at_once()
    {
        long window = TimeSpan.FromMinutes(20).Ticks;
        var hasher = new KeyHasher(7);
        var table = new BoundedStateTable<AccountFailureState>(16, () => new AccountFailureState(10, 8), EvictionPolicy.LeastFrequent, TimeSpan.FromMinutes(20), admissionSketch: true);
        long now = TimeSpan.FromDays(1).Ticks;
        for (int i = 0; i < 16; i++)
        {
            table.GetOrAdmit(hasher.Hash("old" + i), now)!.Failures.Add(now);
        }

        now += window;
        Assert.NotNull(table.GetOrAdmit(hasher.Hash("fresh"), now));
        Assert.Equal(0, table.Rejections);
    }

    [Fact]
    public void Default_options_are_valid_and_bad_values_are_named()
    {
        Assert.Empty(new SecureLoggingAlertOptions().Validate());
        var bad = new SecureLoggingAlertOptions { MaxTrackedAccounts = 0, MaxAccountsPerIpAddress = 10, UpdateInterval = TimeSpan.Zero };
        bad.BruteForce.Failures = 0;
        bad.DistributedBruteForce.Window = TimeSpan.FromMinutes(-1);
        IReadOnlyList<string> errors = bad.Validate();
        Assert.Contains(errors, e => e.Contains("MaxTrackedAccounts", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("BruteForce:Failures", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("DistributedBruteForce:Window", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("UpdateInterval", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("CredentialStuffing:Accounts", StringComparison.Ordinal));
        Assert.DoesNotContain(errors, e => e.Contains("PasswordSpraying:Accounts", StringComparison.Ordinal));
    }
}
