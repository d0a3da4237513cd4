using SecureLogging.Alerts.Detection;
namespace SecureLogging.Tests.Alerts;

public class BruteForceDetectionTests
{
    [Fact]
    public void Fires_at_the_tenth_failure_within_twenty_minutes_not_the_ninth()
    {
        var h = new EngineHarness();
        for (int i = 1; i <= 9; i++)
        {
            Assert.Empty(h.Fail("alice"));
            h.Advance(TimeSpan.FromMinutes(2));
        }

        List<DetectedAlert> raised = h.Fail("alice");
        var alert = Assert.Single(raised, a => a.EventName == "alert.brute_force");
        Assert.Equal("alice", alert["account"]);
        Assert.Equal(10L, alert["failure_count"]);
        Assert.Equal("failure_threshold", alert["detection"]);
        Assert.Equal(1200L, alert["window_seconds"]);
        Assert.Equal("2026-03-01T08:00:00.000Z", alert["first_seen"]);
        Assert.Equal("2026-03-01T08:18:00.000Z", alert["last_seen"]);
        Assert.Equal(false, alert["update"]);
        Assert.Equal("alice", alert.UserName);
        Assert.Equal("203.0.113.7", alert.IpAddress);
    }

    [Fact]
    public void The_window_slides_failures_older_than_twenty_minutes_no_longer_count()
    {
        var h = new EngineHarness();
        for (int i = 0; i < 9; i++)
        {
            h.Fail("bob");
            h.Advance(TimeSpan.FromMinutes(1));
        }

        // Now at minute 9. Jump to minute 20: the failure at minute 0 is exactly 20 minutes old and drops out.
        h.Advance(TimeSpan.FromMinutes(11));
        Assert.Empty(h.Fail("bob"));

        // Minute 20.5: failures at minutes 1..8, 20 and 20.5 are ten within the window.
        h.Advance(TimeSpan.FromSeconds(30));
        Assert.Single(h.Fail("bob"), a => a.EventName == "alert.brute_force");
    }

    [Fact]
    public void Failures_spread_wider_than_the_window_never_fire()
    {
        var h = new EngineHarness();
        for (int i = 0; i < 100; i++)
        {
            h.Fail("carol", $"198.51.100.{i % 3}");
            h.Advance(TimeSpan.FromMinutes(2.5));
        }

        Assert.Empty(h.Named("alert.brute_force"));
    }

    [Fact]
    public void Five_failures_then_a_success_fires_four_do_not()
    {
        var h = new EngineHarness();
        for (int i = 0; i < 4; i++)
        {
            h.Fail("dave");
            h.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.Empty(h.Succeed("dave"));

        for (int i = 0; i < 5; i++)
        {
            h.Advance(TimeSpan.FromMinutes(1));
            h.Fail("erin");
        }

        h.Advance(TimeSpan.FromSeconds(5));
        var alert = Assert.Single(h.Succeed("erin"));
        Assert.Equal("alert.brute_force", alert.EventName);
        Assert.Equal("failures_then_success", alert["detection"]);
        Assert.Equal("success", alert.Outcome);
        Assert.Equal(5, alert["failure_count"]);
    }

    [Fact]
    public void Failures_before_an_earlier_success_do_not_count_towards_failures_then_success()
    {
        var h = new EngineHarness();
        for (int round = 0; round < 3; round++)
        {
            h.Fail("frank");
            h.Fail("frank");
            h.Advance(TimeSpan.FromMinutes(1));
            Assert.Empty(h.Succeed("frank"));
        }

        Assert.Empty(h.Alerts);
    }

    [Fact]
    public void Failures_then_success_outside_the_window_does_not_fire()
    {
        var h = new EngineHarness();
        for (int i = 0; i < 6; i++)
        {
            h.Fail("gina");
        }

        h.Advance(TimeSpan.FromMinutes(20));
        Assert.Empty(h.Succeed("gina"));
    }

    [Fact]
    public void A_user_mistyping_twice_then_succeeding_raises_nothing()
    {
        var h = new EngineHarness();
        h.Fail("hank", "192.0.2.10");
        h.Advance(TimeSpan.FromSeconds(8));
        h.Fail("hank", "192.0.2.10");
        h.Advance(TimeSpan.FromSeconds(8));
        h.Succeed("hank", "192.0.2.10");
        Assert.Empty(h.Alerts);
    }

    [Fact]
    public void One_attack_is_one_alert_plus_periodic_updates()
    {
        var h = new EngineHarness();
        for (int i = 0; i < 300; i++)
        {
            h.Fail("ivy");
            h.Advance(TimeSpan.FromSeconds(1));
        }

        // 300 failures in 5 minutes: one alert, the other 290 triggers suppressed.
        Assert.Single(h.Named("alert.brute_force"));
        Assert.Equal(290, h.Engine.Suppressed);

        // The attack goes on past the update interval (10 min): one update carrying the suppressed count.
        for (int i = 0; i < 600; i++)
        {
            h.Fail("ivy");
            h.Advance(TimeSpan.FromSeconds(1));
        }

        var alerts = h.Named("alert.brute_force").ToList();
        Assert.Equal(2, alerts.Count);
        Assert.Equal(true, alerts[1]["update"]);
        Assert.Equal(599, alerts[1]["suppressed_count"]);
        Assert.Equal(610L, alerts[1]["failure_count"]); // the update fires at t = 609 s, the 610th failure
        Assert.Equal("2026-03-01T08:00:00.000Z", alerts[1]["first_seen"]);

        // After a quiet period longer than the window, the next attack is a new alert.
        h.Advance(TimeSpan.FromMinutes(30));
        for (int i = 0; i < 10; i++)
        {
            h.Fail("ivy");
        }

        alerts = h.Named("alert.brute_force").ToList();
        Assert.Equal(3, alerts.Count);
        Assert.Equal(false, alerts[2]["update"]);
        Assert.Equal(10L, alerts[2]["failure_count"]);
    }

    [Fact]
    public void Accounts_are_keyed_by_user_name_then_user_id()
    {
        var h = new EngineHarness();
        for (int i = 0; i < 10; i++)
        {
            h.Observe(new(ObservationKind.AuthenticationFailure, "authentication.failure", "id-42", null, "192.0.2.1", null, null));
        }

        var alert = Assert.Single(h.Named("alert.brute_force"));
        Assert.Equal("id-42", alert["account"]);
        Assert.Equal("id-42", alert.UserId);
    }

    [Fact]
    public void Failures_without_any_account_are_ignored()
    {
        var h = new EngineHarness();
        for (int i = 0; i < 50; i++)
        {
            h.Observe(new(ObservationKind.AuthenticationFailure, "authentication.failure", null, null, "192.0.2.1", null, null));
        }

        Assert.Empty(h.Alerts);
    }

    [Fact]
    public void Disabled_detection_raises_nothing()
    {
        var options = new SecureLoggingAlertOptions();
        options.BruteForce.Enabled = false;
        var h = new EngineHarness(options);
        for (int i = 0; i < 20; i++)
        {
            h.Fail("jack");
        }

        h.Succeed("jack");
        Assert.Empty(h.Named("alert.brute_force"));
    }
}
