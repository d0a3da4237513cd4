using SecureLogging.Alerts.Detection;
using Xunit.Abstractions;

namespace SecureLogging.Tests.Alerts;

/// <summary>Measures what one tracked key costs (the figures docs/detection/README.md quotes) and bounds it.</summary>
[Collection(nameof(HeapMeasurementCollection))]
public class MemoryFootprintTests
{
    private const int Keys = 10_000;
    private readonly ITestOutputHelper _output;

    public MemoryFootprintTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Bytes_per_tracked_account_address_and_user_stay_within_the_documented_figures()
    {
        // Key strings are created up front so only the detector's own structures are measured.
        string[] accounts = Enumerable.Range(0, Keys).Select(i => "account-" + i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        string[] addresses = Enumerable.Range(0, Keys).Select(i => $"10.9.{i / 256}.{i % 256}").ToArray();
        long now = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).UtcTicks;
        var batch = new List<DetectedAlert>();

        // Capacities just above the key count: no table fills up, so no admission sketch is allocated (its size is
        // fixed and documented separately).
        var engine = new DetectionEngine(new SecureLoggingAlertOptions { MaxTrackedAccounts = Keys + 16, MaxTrackedIpAddresses = Keys + 16, MaxTrackedUsers = Keys + 16 });
        long start = GC.GetTotalMemory(true);
        foreach (string account in accounts)
        {
            engine.Observe(new SecurityObservation(ObservationKind.AuthenticationFailure, "authentication.failure", null, account, "192.0.2.1", null, null), now, batch);
        }

        long afterAccounts = GC.GetTotalMemory(true);
        foreach (string address in addresses)
        {
            engine.Observe(new SecurityObservation(ObservationKind.AuthenticationFailure, "authentication.failure", null, "same-account", address, null, null), now, batch);
        }

        long afterAddresses = GC.GetTotalMemory(true);
        for (int i = 0; i < Keys; i++)
        {
            engine.Observe(new SecurityObservation(ObservationKind.AuthenticationSuccess, "authentication.success", null, accounts[i], addresses[i], "Mozilla/5.0", null), now, batch);
        }

        long afterUsers = GC.GetTotalMemory(true);
        double perAccount = (afterAccounts - start) / (double)Keys;
        double perAddress = (afterAddresses - afterAccounts) / (double)Keys;
        double perUser = (afterUsers - afterAddresses) / (double)Keys;
        _output.WriteLine($"per account {perAccount:F0} B, per ip address {perAddress:F0} B, per user history {perUser:F0} B");

        Assert.Equal(Keys + 1, engine.Accounts.Count); // and "same-account"
        Assert.Equal(Keys + 1, engine.Addresses.Count); // and 192.0.2.1
        Assert.Equal(Keys, engine.Users.Count);
        Assert.InRange(perAccount, 100, 700);
        Assert.InRange(perAddress, 300, 1500);
        Assert.Equal(0, engine.Accounts.SketchBytes + engine.Addresses.SketchBytes);
        Assert.InRange(perUser, 100, 800);
        GC.KeepAlive(engine);
    }
}
