using System.Diagnostics;
using Xunit.Abstractions;

namespace SecureLogging.Tests.Alerts;

public class FloodTests
{
    private readonly ITestOutputHelper _output;

    public FloodTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void A_million_distinct_ips_and_accounts_keep_memory_bounded_and_a_real_attack_is_still_detected()
    {
        const int Flood = 1_000_000;
        long before = GC.GetTotalMemory(forceFullCollection: true);
        var stopwatch = Stopwatch.StartNew();

        var h = new EngineHarness();
        int attackEvery = Flood / 30;
        for (int i = 0; i < Flood; i++)
        {
            // Every event a new account from a new address: the worst case for per-key memory.
            h.Fail(string.Concat("flood-user-", i.ToString(System.Globalization.CultureInfo.InvariantCulture)), IpOf(i));

            if (i % attackEvery == attackEvery / 2)
            {
                // A real brute force against one account, and a spray from one address, hidden in the flood.
                h.Fail("mallory-target", "203.0.113.250");
                h.Fail(string.Concat("sprayed-", i.ToString(System.Globalization.CultureInfo.InvariantCulture)), "198.51.100.77");
            }

            if (i % 1000 == 0)
            {
                h.Advance(TimeSpan.FromMilliseconds(10));
            }
        }

        stopwatch.Stop();
        long after = GC.GetTotalMemory(forceFullCollection: true);
        long growth = after - before;
        _output.WriteLine($"heap growth {growth / (1024.0 * 1024):F1} MB, {stopwatch.Elapsed.TotalSeconds:F1} s, untracked {h.Engine.Untracked}, " +
            $"account evictions {h.Engine.Accounts.Evictions}, address evictions {h.Engine.Addresses.Evictions}, sketch {h.Engine.Accounts.SketchBytes + h.Engine.Addresses.SketchBytes} bytes");

        Assert.True(growth < 64L * 1024 * 1024, $"managed heap grew by {growth:N0} bytes");
        Assert.Contains(h.Named("alert.brute_force"), a => (string?)a["account"] == "mallory-target");
        Assert.Contains(h.Named("alert.password_spraying"), a => a.IpAddress == "198.51.100.77");
        Assert.Contains(h.Named("alert.credential_stuffing"), a => a.IpAddress == "198.51.100.77");

        // Nothing in the flood itself is an attack.
        Assert.DoesNotContain(h.Alerts, a => ((string?)a["account"])?.StartsWith("flood-", StringComparison.Ordinal) == true);
        Assert.All(h.Alerts.Where(a => a.IpAddress is not null && a.EventName is "alert.password_spraying" or "alert.credential_stuffing"),
            a => Assert.Equal("198.51.100.77", a.IpAddress));
        GC.KeepAlive(h);
    }

    private static string IpOf(int i) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"10.{(i >> 16) & 255}.{(i >> 8) & 255}.{i & 255}");
}
