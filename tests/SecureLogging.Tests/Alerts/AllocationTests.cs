using System.Globalization;
using Microsoft.Extensions.Time.Testing;

namespace SecureLogging.Tests.Alerts;

/// <summary>The detector's per-event path allocates nothing unless it raises an alert, also while its tables recycle slots.</summary>
public class AllocationTests
{
    [Fact]
    public void Events_that_raise_no_alert_allocate_nothing_even_when_full_tables_recycle_slots()
    {
        const int Users = 1_000;
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 7, 1, 9, 0, 0, TimeSpan.Zero));
        var alerts = new CollectingAlertSink();

        // Tables far smaller than the keys: after the first events every new key recycles a slot (or is refused).
        var options = new SecureLoggingAlertOptions { MaxTrackedAccounts = 16, MaxTrackedIpAddresses = 16, MaxTrackedUsers = 16 };
        var detector = new SecurityAlertDetector(options, time, new[] { alerts });

        // Ordinary traffic: each user fails once from its own address, signs in from it, is granted an ordinary role
        // by someone else, signs out; plus an attempt with a 300-character account name (cut for its key).
        var records = new List<SecurityEventRecord>();
        for (int i = 0; i < Users; i++)
        {
            string user = "user" + i.ToString(CultureInfo.InvariantCulture) + "@example.com";
            string ip = "10.20." + (i / 250).ToString(CultureInfo.InvariantCulture) + "." + (i % 250).ToString(CultureInfo.InvariantCulture);
            records.Add(Create(new SecurityEvent(SecurityEventNames.AuthenticationFailure) { UserName = user, IpAddress = ip, UserAgent = "Mozilla/5.0" }));
            records.Add(Create(new SecurityEvent(SecurityEventNames.AuthenticationSuccess) { UserId = "id-" + i, UserName = user, IpAddress = ip, UserAgent = "Mozilla/5.0" }));
            records.Add(Create(new SecurityEvent(SecurityEventNames.AccountRoleGranted) { UserId = "manager", TargetUserId = "id-" + i, Role = "Reader", IpAddress = "192.0.2.1" }));
            records.Add(Create(new SecurityEvent(SecurityEventNames.AuthenticationLogout) { UserId = "id-" + i }));
        }

        records.Add(Create(new SecurityEvent(SecurityEventNames.AuthenticationFailure) { UserName = new string('x', 300), IpAddress = "198.51.100.3" }));

        // A first pass fills the tables, allocates their states and sketches and gets the code compiled.
        foreach (SecurityEventRecord record in records)
        {
            detector.Write(record);
        }

        time.Advance(TimeSpan.FromHours(1));
        long before = GC.GetAllocatedBytesForCurrentThread();
        foreach (SecurityEventRecord record in records)
        {
            detector.Write(record);
            time.Advance(TimeSpan.FromMilliseconds(50));
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Empty(alerts.Alerts);
        Assert.Equal(2 * ((3 * Users) + 1), detector.GetStatistics().Observed);
        Assert.True(allocated == 0, $"{allocated:N0} bytes allocated for {records.Count:N0} events that raised no alert");
    }

    private static SecurityEventRecord Create(SecurityEvent e) => SecurityEventRecord.Create(e, DateTimeOffset.UnixEpoch);
}
