using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using SecureLogging.Tests.Pipeline;

namespace SecureLogging.Tests.SpecLiteral;

/// <summary>SPEC §9 alert defaults, through <c>AddSecureLogging</c> with a fake clock, as a user of the public API sees them.</summary>
public sealed class AlertSpecTests
{
    private sealed class App : IDisposable
    {
        private readonly ServiceProvider _provider;

        public App(Action<SecureLoggingOptions>? configure = null)
        {
            var services = new ServiceCollection();
            services.AddSingleton<TimeProvider>(Time);
            services.AddSingleton<ISecurityEventSink>(Sink);
            services.AddSecureLogging(configure);
            _provider = services.BuildServiceProvider();
            Logger = _provider.GetRequiredService<ILogger<AlertSpecTests>>();
        }

        public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 6, 1, 10, 0, 0, TimeSpan.Zero));

        public CollectingSink Sink { get; } = new();

        public ILogger Logger { get; }

        public SecurityEventRecord[] Alerts(string name) => Sink.Records.Where(r => r.Event == name).ToArray();

        public void Fail(string user, string ip)
        {
            using (SecurityContext.Begin(ipAddress: ip))
            {
                Logger.LogLoginFailed(user, "invalid_credentials");
            }
        }

        public void Succeed(string user, string ip, string userAgent = "Mozilla/5.0")
        {
            using (SecurityContext.Begin(ipAddress: ip, userAgent: userAgent))
            {
                Logger.LogLoginSucceeded("id-" + user, user);
            }
        }

        public void Dispose() => _provider.Dispose();
    }

    [Fact]
    public void Brute_force_fires_at_ten_failures_in_twenty_minutes_not_nine()
    {
        using var app = new App();
        for (var i = 0; i < 9; i++)
        {
            app.Fail("alice", "198.51.100.1");
            app.Time.Advance(TimeSpan.FromMinutes(2));
        }

        Assert.Empty(app.Alerts("alert.brute_force"));
        app.Fail("alice", "198.51.100.1");
        var alert = Assert.Single(app.Alerts("alert.brute_force"));
        Assert.Equal(LogLevel.Critical, alert.Level);
    }

    [Fact]
    public void Brute_force_fires_on_five_failures_then_a_success_not_four()
    {
        using var app = new App();
        for (var i = 0; i < 4; i++)
        {
            app.Fail("bob", "198.51.100.2");
        }

        app.Succeed("bob", "198.51.100.2");
        Assert.Empty(app.Alerts("alert.brute_force"));

        for (var i = 0; i < 5; i++)
        {
            app.Fail("carol", "198.51.100.3");
        }

        app.Succeed("carol", "198.51.100.3");
        Assert.Single(app.Alerts("alert.brute_force"));
    }

    [Fact]
    public void A_user_mistyping_twice_then_succeeding_raises_nothing()
    {
        using var app = new App();
        app.Succeed("dave", "198.51.100.4");
        app.Time.Advance(TimeSpan.FromDays(1));
        app.Fail("dave", "198.51.100.4");
        app.Fail("dave", "198.51.100.4");
        app.Succeed("dave", "198.51.100.4");

        Assert.DoesNotContain(app.Sink.Records, r => r.Event.StartsWith("alert.", StringComparison.Ordinal));
    }

    [Fact]
    public void Password_spraying_fires_at_five_accounts_from_one_ip_not_four()
    {
        using var app = new App();
        for (var i = 0; i < 4; i++)
        {
            app.Fail("user" + i, "203.0.113.50");
            app.Time.Advance(TimeSpan.FromMinutes(3));
        }

        Assert.Empty(app.Alerts("alert.password_spraying"));
        app.Fail("user4", "203.0.113.50");
        var alert = Assert.Single(app.Alerts("alert.password_spraying"));
        Assert.Equal("203.0.113.50", alert.IpAddress);
    }

    [Fact]
    public void Many_users_each_failing_once_from_different_ips_raise_nothing()
    {
        using var app = new App();
        for (var i = 0; i < 200; i++)
        {
            app.Fail("user" + i, "198.51.100." + (i % 250));
        }

        Assert.DoesNotContain(app.Sink.Records, r => r.Event.StartsWith("alert.", StringComparison.Ordinal));
    }

    [Fact]
    public void Credential_stuffing_fires_at_fifteen_accounts_and_twenty_five_attempts_from_one_ip()
    {
        using var app = new App();

        // 15 accounts, 10 of them tried twice: 25 attempts, at most 2 per account, within 15 minutes.
        for (var i = 0; i < 15; i++)
        {
            app.Fail("victim" + i, "203.0.113.60");
            if (i < 9)
            {
                app.Fail("victim" + i, "203.0.113.60");
            }

            app.Time.Advance(TimeSpan.FromSeconds(30));
        }

        Assert.Empty(app.Alerts("alert.credential_stuffing"));
        app.Fail("victim9", "203.0.113.60");
        Assert.Single(app.Alerts("alert.credential_stuffing"));
    }

    [Fact]
    public void Distributed_brute_force_fires_at_ten_failures_from_five_ips_in_thirty_minutes()
    {
        using var app = new App(o => o.Alerts.BruteForce.Enabled = false);
        for (var i = 0; i < 9; i++)
        {
            app.Fail("erin", "192.0.2." + (i % 5));
            app.Time.Advance(TimeSpan.FromMinutes(3));
        }

        Assert.Empty(app.Alerts("alert.distributed_brute_force"));
        app.Fail("erin", "192.0.2.9");
        Assert.Single(app.Alerts("alert.distributed_brute_force"));
    }

    [Fact]
    public void Unusual_access_needs_an_earlier_success_and_fires_on_a_new_ip_or_user_agent()
    {
        using var app = new App();
        app.Succeed("frank", "198.51.100.70", "Firefox");
        Assert.Empty(app.Alerts("alert.unusual_access"));

        app.Time.Advance(TimeSpan.FromHours(1));
        app.Succeed("frank", "198.51.100.70", "Firefox");
        Assert.Empty(app.Alerts("alert.unusual_access"));

        app.Time.Advance(TimeSpan.FromHours(1));
        app.Succeed("frank", "203.0.113.71", "Firefox");
        Assert.Single(app.Alerts("alert.unusual_access"));

        app.Time.Advance(TimeSpan.FromHours(1));
        app.Succeed("frank", "198.51.100.70", "curl/8.0");
        Assert.Equal(2, app.Alerts("alert.unusual_access").Length);
    }

    [Fact]
    public void Privilege_escalation_fires_at_once_for_an_admin_role_and_for_a_self_grant_only()
    {
        using var app = new App();
        app.Logger.LogRoleGranted("admin-1", "u-2", "Editor");
        Assert.Empty(app.Alerts("alert.privilege_escalation"));

        app.Logger.LogRoleGranted("admin-1", "u-2", "Admin");
        Assert.Single(app.Alerts("alert.privilege_escalation"));

        app.Logger.LogPermissionGranted("u-3", "u-3", "orders:write");
        Assert.Equal(2, app.Alerts("alert.privilege_escalation").Length);
    }

    [Fact]
    public void Admin_class_role_names_are_configurable()
    {
        using var app = new App(o => o.Alerts.PrivilegeEscalation.AdminRoles = ["Treasurer"]);
        app.Logger.LogRoleGranted("admin-1", "u-2", "Treasurer");
        Assert.Single(app.Alerts("alert.privilege_escalation"));
    }

    [Fact]
    public void Alerts_are_off_when_disabled()
    {
        using var app = new App(o => o.Alerts.Enabled = false);
        for (var i = 0; i < 20; i++)
        {
            app.Fail("gina", "198.51.100.8");
        }

        app.Logger.LogRoleGranted("x", "x", "Admin");
        Assert.DoesNotContain(app.Sink.Records, r => r.Event.StartsWith("alert.", StringComparison.Ordinal));
    }
}
