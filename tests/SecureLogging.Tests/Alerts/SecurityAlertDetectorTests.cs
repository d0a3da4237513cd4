using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace SecureLogging.Tests.Alerts;

public class SecurityAlertDetectorTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 5, 4, 9, 30, 0, TimeSpan.Zero));
    private readonly CollectingAlertSink _alerts = new();

    [Fact]
    public void Failed_logins_logged_through_SecurityLog_raise_one_critical_brute_force_record()
    {
        var detector = new SecurityAlertDetector(new SecureLoggingAlertOptions(), _time, new[] { _alerts });
        ILogger logger = new RecordingLogger(detector);
        using (SecurityContext.Begin(ipAddress: "203.0.113.9", requestId: "req-1", userAgent: "python-requests/2.31"))
        {
            for (int i = 0; i < 12; i++)
            {
                logger.LogLoginFailed("bob@example.com", "invalid password");
                _time.Advance(TimeSpan.FromSeconds(30));
            }
        }

        SecurityEventRecord alert = Assert.Single(_alerts.Alerts);
        Assert.Equal("alert.brute_force", alert.Event);
        Assert.Equal(LogLevel.Critical, alert.Level);
        Assert.Equal("failure", alert.Outcome);
        Assert.Equal("bob@example.com", alert.UserName);
        Assert.Equal("203.0.113.9", alert.IpAddress);
        Assert.Equal("req-1", alert.RequestId);
        Assert.Equal(new DateTimeOffset(2026, 5, 4, 9, 34, 30, TimeSpan.Zero), alert.Timestamp);
        Assert.NotNull(alert.Reason);

        using var json = JsonDocument.Parse(alert.ToJson());
        JsonElement root = json.RootElement;
        Assert.Equal("critical", root.GetProperty("level").GetString());
        Assert.Equal("alert.brute_force", root.GetProperty("event").GetString());
        Assert.Equal(10, root.GetProperty("failure_count").GetInt64());
        Assert.Equal(1200, root.GetProperty("window_seconds").GetInt64());
        Assert.Equal("2026-05-04T09:30:00.000Z", root.GetProperty("first_seen").GetString());
        Assert.Equal("2026-05-04T09:34:30.000Z", root.GetProperty("last_seen").GetString());
        Assert.False(root.GetProperty("update").GetBoolean());
        Assert.Equal(0, root.GetProperty("suppressed_count").GetInt64());
        Assert.Equal("bob@example.com", root.GetProperty("account").GetString());

        SecurityAlertStatistics stats = detector.GetStatistics();
        Assert.Equal(12, stats.Observed);
        Assert.Equal(1, stats.Raised);
        Assert.Equal(2, stats.Suppressed);
        Assert.Equal(1, stats.TrackedAccounts);
    }

    [Fact]
    public void Role_granted_through_SecurityLog_raises_privilege_escalation_with_the_grant()
    {
        var detector = new SecurityAlertDetector(new SecureLoggingAlertOptions(), _time, new[] { _alerts });
        ILogger logger = new RecordingLogger(detector);
        logger.LogRoleGranted("ops-lead", "user-17", "Administrator");
        logger.LogRoleGranted("ops-lead", "user-18", "Support");
        logger.LogPermissionGranted("user-19", "user-19", "invoices.approve");

        Assert.Equal(2, _alerts.Alerts.Count);
        SecurityEventRecord admin = _alerts.Alerts[0];
        Assert.Equal("alert.privilege_escalation", admin.Event);
        Assert.Equal("ops-lead", admin.UserId);
        using var json = JsonDocument.Parse(admin.ToJson());
        Assert.Equal("Administrator", json.RootElement.GetProperty("role").GetString());
        Assert.Equal("user-17", json.RootElement.GetProperty("target_user_id").GetString());
        Assert.Equal("admin_role_granted", json.RootElement.GetProperty("detection").GetString());
        Assert.Equal("account.role_granted", json.RootElement.GetProperty("source_event").GetString());

        SecurityEventRecord self = _alerts.Alerts[1];
        using var selfJson = JsonDocument.Parse(self.ToJson());
        Assert.Equal("self_granted", selfJson.RootElement.GetProperty("detection").GetString());
        Assert.Equal("invoices.approve", selfJson.RootElement.GetProperty("permission").GetString());
    }

    [Fact]
    public void A_success_after_failures_and_from_a_new_address_raise_their_alerts()
    {
        var detector = new SecurityAlertDetector(new SecureLoggingAlertOptions(), _time, new[] { _alerts });
        ILogger logger = new RecordingLogger(detector);
        using (SecurityContext.Begin(ipAddress: "192.0.2.10", userAgent: "Firefox"))
        {
            logger.LogLoginSucceeded("u-1", "carol");
        }

        _time.Advance(TimeSpan.FromDays(1));
        using (SecurityContext.Begin(ipAddress: "198.51.100.66", userAgent: "Firefox"))
        {
            for (int i = 0; i < 6; i++)
            {
                logger.LogLoginFailed("carol", "invalid password");
            }

            logger.LogLoginSucceeded("u-1", "carol");
        }

        Assert.Equal(new[] { "alert.brute_force", "alert.unusual_access" }, _alerts.Alerts.Select(a => a.Event));
        Assert.Equal("success", _alerts.Alerts[0].Outcome);
        Assert.Equal("198.51.100.66", _alerts.Alerts[1].IpAddress);
    }

    [Fact]
    public void Ordinary_traffic_raises_nothing()
    {
        var detector = new SecurityAlertDetector(new SecureLoggingAlertOptions(), _time, new[] { _alerts });
        ILogger logger = new RecordingLogger(detector);
        for (int user = 0; user < 200; user++)
        {
            using (SecurityContext.Begin(ipAddress: $"10.0.{user / 250}.{user % 250}", userAgent: "Edge"))
            {
                if (user % 4 == 0)
                {
                    logger.LogLoginFailed($"user{user}", "invalid password");
                    logger.LogLoginFailed($"user{user}", "invalid password");
                }

                logger.LogLoginSucceeded($"id-{user}", $"user{user}");
                logger.LogLogout($"id-{user}");
                logger.LogRoleGranted("admin", $"id-{user}", "Reader");
            }

            _time.Advance(TimeSpan.FromSeconds(20));
        }

        Assert.Empty(_alerts.Alerts);
        Assert.Equal(0, detector.GetStatistics().SinkErrors);
    }

    [Fact]
    public void Alerts_go_back_through_the_fan_out_and_are_not_detected_again()
    {
        var republished = new List<SecurityEventRecord>();
        SecurityAlertDetector? detector = null;
        detector = new SecurityAlertDetector(new SecureLoggingAlertOptions(), _time, null, alert =>
        {
            republished.Add(alert);
            detector!.Write(alert); // the fan-out includes the detector itself
        });
        ILogger logger = new RecordingLogger(detector);
        logger.LogRoleGranted("a", "b", "Owner");
        Assert.Single(republished);
        Assert.Equal(1, detector.GetStatistics().Observed);
    }

    [Fact]
    public void A_throwing_alert_sink_is_counted_and_does_not_stop_the_others()
    {
        var detector = new SecurityAlertDetector(new SecureLoggingAlertOptions(), _time, new ISecurityAlertSink[] { new ThrowingSink(), _alerts });
        ILogger logger = new RecordingLogger(detector);
        logger.LogRoleGranted("a", "b", "Root");
        Assert.Single(_alerts.Alerts);
        Assert.Equal(1, detector.GetStatistics().SinkErrors);
    }

    [Fact]
    public void Disabled_alerts_observe_nothing()
    {
        var detector = new SecurityAlertDetector(new SecureLoggingAlertOptions { Enabled = false }, _time, new[] { _alerts });
        ILogger logger = new RecordingLogger(detector);
        for (int i = 0; i < 20; i++)
        {
            logger.LogLoginFailed("dan", "x");
        }

        logger.LogRoleGranted("a", "b", "Admin");
        Assert.Empty(_alerts.Alerts);
        Assert.Equal(0, detector.GetStatistics().Observed);
    }

    [Fact]
    public void Invalid_options_are_refused_with_the_reason()
    {
        var options = new SecureLoggingAlertOptions();
        options.PasswordSpraying.Accounts = 1;
        var error = Assert.Throws<ArgumentException>(() => new SecurityAlertDetector(options, _time));
        Assert.Contains("PasswordSpraying:Accounts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_clock_stepping_back_does_not_reopen_or_break_windows()
    {
        // FakeTimeProvider refuses to go back, as a wall clock may (NTP step, VM restore).
        var clock = new SettableClock { Now = _time.GetUtcNow() };
        var detector = new SecurityAlertDetector(new SecureLoggingAlertOptions(), clock, new[] { _alerts });
        ILogger logger = new RecordingLogger(detector);
        for (int i = 0; i < 5; i++)
        {
            logger.LogLoginFailed("eve", "x");
        }

        clock.Now -= TimeSpan.FromHours(2);
        for (int i = 0; i < 5; i++)
        {
            logger.LogLoginFailed("eve", "x");
        }

        Assert.Single(_alerts.Alerts);
    }

    [Fact]
    public void Events_that_are_not_security_relevant_are_skipped_cheaply()
    {
        var detector = new SecurityAlertDetector(new SecureLoggingAlertOptions(), _time, new[] { _alerts });
        ILogger logger = new RecordingLogger(detector);
        logger.LogDataExported("u", "customers", 10);
        logger.LogAccountCreated("admin", "u2");
        logger.LogAccessDenied("u", "/admin", "GET", "policy");
        Assert.Equal(0, detector.GetStatistics().Observed);
    }

    private sealed class SettableClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; }

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private sealed class ThrowingSink : ISecurityAlertSink
    {
        public void OnAlert(SecurityEventRecord alert) => throw new InvalidOperationException("pager down");
    }
}
