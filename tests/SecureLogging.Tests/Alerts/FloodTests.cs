using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace SecureLogging.Tests.Alerts;

[Collection(nameof(HeapMeasurementCollection))]
public class FloodTests
{
    private readonly ITestOutputHelper _output;

    public FloodTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void A_million_distinct_ips_and_accounts_keep_memory_bounded_and_real_attacks_are_still_detected()
    {
        const int Flood = 1_000_000;
        const int AttackFailures = 30;
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));
        var alerts = new CollectingAlertSink();

        long before = GC.GetTotalMemory(forceFullCollection: true);
        var stopwatch = Stopwatch.StartNew();
        var detector = new SecurityAlertDetector(new SecureLoggingAlertOptions(), time, new[] { alerts });
        int attackEvery = Flood / AttackFailures;
        for (int i = 0; i < Flood; i++)
        {
            // Every event a new account from a new address: the worst case for per-key memory.
            detector.Write(Failure(string.Concat("flood-user-", i.ToString(CultureInfo.InvariantCulture)), IpOf(i)));

            if (i % attackEvery == attackEvery / 2)
            {
                // A brute force against one account and a spray from one address, spread thinly through the flood.
                detector.Write(Failure("mallory-target", "203.0.113.250"));
                detector.Write(Failure(string.Concat("sprayed-", i.ToString(CultureInfo.InvariantCulture)), "198.51.100.77"));
            }

            if (i % 1000 == 0)
            {
                time.Advance(TimeSpan.FromMilliseconds(10));
            }
        }

        stopwatch.Stop();
        long after = GC.GetTotalMemory(forceFullCollection: true);
        long growth = after - before;
        SecurityAlertStatistics stats = detector.GetStatistics();
        _output.WriteLine($"heap growth {growth / (1024.0 * 1024):F1} MB in {stopwatch.Elapsed.TotalSeconds:F1} s; {stats}");

        Assert.True(growth < 64L * 1024 * 1024, $"managed heap grew by {growth:N0} bytes");
        Assert.Equal(Flood + (2 * AttackFailures), stats.Observed);
        Assert.True(stats.Untracked > Flood, "the flood should have been refused slots, not tracked");
        Assert.Contains(alerts.Alerts, a => a.Event == "alert.brute_force" && a.UserName == "mallory-target");
        Assert.Contains(alerts.Alerts, a => a.Event == "alert.password_spraying" && a.IpAddress == "198.51.100.77");
        Assert.Contains(alerts.Alerts, a => a.Event == "alert.credential_stuffing" && a.IpAddress == "198.51.100.77");

        // Nothing in the flood itself is an attack.
        Assert.DoesNotContain(alerts.Alerts, a => a.UserName?.StartsWith("flood-", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(alerts.Alerts, a => a.IpAddress?.StartsWith("10.", StringComparison.Ordinal) == true);
        GC.KeepAlive(detector);
    }

    // No reason text: the detectors never read it, and credential-masking a free-text reason a million times was most
    // of this test's run time.
    private static SecurityEventRecord Failure(string user, string ip) =>
        SecurityEventRecord.Create(new SecurityEvent(SecurityEventNames.AuthenticationFailure) { UserName = user, IpAddress = ip });

    private static string IpOf(int i) =>
        string.Create(CultureInfo.InvariantCulture, $"10.{(i >> 16) & 255}.{(i >> 8) & 255}.{i & 255}");
}
