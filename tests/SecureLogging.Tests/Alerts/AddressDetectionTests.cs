using SecureLogging.Alerts.Detection;

namespace SecureLogging.Tests.Alerts;

public class AddressDetectionTests
{
    private const string Attacker = "203.0.113.66";

    [Fact]
    public void Spraying_fires_at_five_accounts_from_one_ip_not_four()
    {
        var h = new EngineHarness();
        for (int i = 1; i <= 4; i++)
        {
            h.Fail($"user{i}", Attacker);
            h.Advance(TimeSpan.FromMinutes(3));
        }

        Assert.Empty(h.Alerts);
        var alert = Assert.Single(h.Fail("user5", Attacker));
        Assert.Equal("alert.password_spraying", alert.EventName);
        Assert.Equal(Attacker, alert.IpAddress);
        Assert.Null(alert.UserName);
        Assert.Equal(5, alert["account_count"]);
        Assert.Equal(5L, alert["failure_count"]);
        Assert.Equal("2026-03-01T08:00:00.000Z", alert["first_seen"]);
        Assert.Equal("2026-03-01T08:12:00.000Z", alert["last_seen"]);
    }

    [Fact]
    public void Spraying_window_slides()
    {
        var h = new EngineHarness();
        h.Fail("a1", Attacker);
        h.Advance(TimeSpan.FromMinutes(20));
        for (int i = 2; i <= 5; i++)
        {
            h.Fail($"a{i}", Attacker);
        }

        Assert.Empty(h.Alerts); // a1 is exactly 20 minutes old: out of the window
        h.Advance(TimeSpan.FromMinutes(19));
        Assert.Single(h.Fail("a6", Attacker), a => a.EventName == "alert.password_spraying");
    }

    [Fact]
    public void Accounts_with_more_than_eight_attempts_are_not_spraying()
    {
        var h = new EngineHarness();
        for (int i = 1; i <= 5; i++)
        {
            for (int attempt = 0; attempt < 9; attempt++)
            {
                h.Fail($"victim{i}", Attacker);
                h.Advance(TimeSpan.FromSeconds(20));
            }
        }

        Assert.Empty(h.Named("alert.password_spraying"));

        // With eight attempts each it is spraying (the fifth account's first attempt completes the set).
        var h2 = new EngineHarness();
        for (int i = 1; i <= 5; i++)
        {
            for (int attempt = 0; attempt < 8; attempt++)
            {
                h2.Fail($"victim{i}", Attacker);
            }
        }

        Assert.Single(h2.Named("alert.password_spraying"));
    }

    [Fact]
    public void Spraying_from_different_ips_is_not_spraying_from_one()
    {
        var h = new EngineHarness();
        for (int i = 1; i <= 50; i++)
        {
            h.Fail($"user{i}", $"198.51.100.{i}");
        }

        Assert.Empty(h.Alerts);
    }

    [Fact]
    public void Stuffing_fires_at_fifteen_accounts_and_twenty_five_attempts()
    {
        var options = new SecureLoggingAlertOptions();
        options.PasswordSpraying.Enabled = false;
        var h = new EngineHarness(options);

        // Ten accounts twice, then one attempt each for new accounts: the 25th attempt is the 15th account.
        for (int i = 1; i <= 10; i++)
        {
            h.Fail($"leaked{i}", Attacker);
            h.Advance(TimeSpan.FromSeconds(10));
            h.Fail($"leaked{i}", Attacker);
            h.Advance(TimeSpan.FromSeconds(10));
        }

        for (int i = 11; i <= 14; i++)
        {
            h.Fail($"leaked{i}", Attacker);
            h.Advance(TimeSpan.FromSeconds(10));
        }

        Assert.Empty(h.Alerts); // 24 attempts, 14 accounts
        var alert = Assert.Single(h.Fail("leaked15", Attacker));
        Assert.Equal("alert.credential_stuffing", alert.EventName);
        Assert.Equal(15, alert["account_count"]);
        Assert.Equal(25, alert["attempt_count"]);
        Assert.Equal(Attacker, alert.IpAddress);
    }

    [Fact]
    public void Stuffing_needs_twenty_five_attempts_not_just_fifteen_accounts()
    {
        var options = new SecureLoggingAlertOptions();
        options.PasswordSpraying.Enabled = false;
        var h = new EngineHarness(options);
        for (int i = 1; i <= 24; i++)
        {
            h.Fail($"leaked{i}", Attacker);
        }

        Assert.Empty(h.Alerts);
        Assert.Single(h.Fail("leaked25", Attacker));
    }

    [Fact]
    public void Stuffing_counts_only_accounts_tried_at_most_twice()
    {
        var options = new SecureLoggingAlertOptions();
        options.PasswordSpraying.Enabled = false;
        var h = new EngineHarness(options);

        // 13 accounts once, then 4 accounts three times each: 25 attempts, 17 accounts, never 15 with at most two.
        for (int i = 1; i <= 13; i++)
        {
            h.Fail($"leaked{i}", Attacker);
        }

        for (int j = 1; j <= 4; j++)
        {
            for (int i = 0; i < 3; i++)
            {
                h.Fail($"guessed{j}", Attacker);
            }
        }

        Assert.Empty(h.Alerts);

        // Two more accounts tried once: 15 accounts with at most two attempts, 27 attempts from the address.
        Assert.Empty(h.Fail("leaked14", Attacker));
        Assert.Single(h.Fail("leaked15", Attacker), a => a.EventName == "alert.credential_stuffing");
    }

    [Fact]
    public void Stuffing_window_is_fifteen_minutes()
    {
        var options = new SecureLoggingAlertOptions();
        options.PasswordSpraying.Enabled = false;
        var h = new EngineHarness(options);
        for (int i = 1; i <= 25; i++)
        {
            h.Fail($"leaked{i}", Attacker);
            h.Advance(TimeSpan.FromSeconds(40)); // 25 attempts over 16 minutes: never 25 within 15
        }

        Assert.Empty(h.Alerts);
    }

    [Fact]
    public void Spraying_alerts_are_deduplicated_per_ip()
    {
        var h = new EngineHarness();
        for (int i = 1; i <= 500; i++)
        {
            h.Fail($"user{i}", Attacker);
            h.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Single(h.Named("alert.password_spraying"));
        Assert.Single(h.Named("alert.credential_stuffing"));
    }

    [Fact]
    public void Distributed_brute_force_fires_at_ten_failures_from_five_ips()
    {
        var h = new EngineHarness();

        // Ten failures 2.5 minutes apart: never ten within 20 minutes (no plain brute force) but ten within 30.
        for (int i = 0; i < 9; i++)
        {
            Assert.Empty(h.Fail("root", $"198.51.100.{i % 5}"));
            h.Advance(TimeSpan.FromMinutes(2.5));
        }

        var alert = Assert.Single(h.Fail("root", "198.51.100.9"));
        Assert.Equal("alert.distributed_brute_force", alert.EventName);
        Assert.Equal("root", alert["account"]);
        Assert.Equal(6, alert["ip_address_count"]);
        Assert.Equal(10L, alert["failure_count"]);
    }

    [Fact]
    public void Distributed_brute_force_needs_five_distinct_ips()
    {
        var h = new EngineHarness();
        for (int i = 0; i < 40; i++)
        {
            h.Fail("root", $"198.51.100.{i % 4}");
            h.Advance(TimeSpan.FromSeconds(30));
        }

        Assert.Empty(h.Named("alert.distributed_brute_force"));
        Assert.NotEmpty(h.Named("alert.brute_force"));

        h.Fail("root", "198.51.100.200");
        Assert.Single(h.Named("alert.distributed_brute_force"));
    }

    [Fact]
    public void Distributed_brute_force_ip_window_slides()
    {
        var h = new EngineHarness();
        for (int i = 0; i < 4; i++)
        {
            h.Fail("root", $"198.51.100.{i}");
        }

        h.Advance(TimeSpan.FromMinutes(30));

        // The four earlier ips are out of the window; ten more failures from one new ip are not distributed.
        for (int i = 0; i < 10; i++)
        {
            h.Fail("root", "198.51.100.99");
        }

        Assert.Empty(h.Named("alert.distributed_brute_force"));
    }

    [Fact]
    public void Many_users_each_failing_once_from_different_ips_raise_nothing()
    {
        var h = new EngineHarness();
        for (int i = 0; i < 20_000; i++)
        {
            h.Fail($"user{i}@example.com", $"10.{(i >> 16) & 255}.{(i >> 8) & 255}.{i & 255}");
            if (i % 100 == 0)
            {
                h.Advance(TimeSpan.FromSeconds(1));
            }
        }

        Assert.Empty(h.Alerts);
    }

    [Fact]
    public void An_office_behind_one_nat_ip_with_ordinary_typos_raises_nothing()
    {
        // 30 colleagues behind one address, a third of them mistyping once before signing in, over an hour.
        var h = new EngineHarness();
        for (int i = 0; i < 30; i++)
        {
            if (i % 3 == 0)
            {
                h.Fail($"colleague{i}", "192.0.2.200");
            }

            h.Succeed($"colleague{i}", "192.0.2.200");
            h.Advance(TimeSpan.FromMinutes(2));
        }

        Assert.Empty(h.Alerts);
    }

    [Fact]
    public void Stuffing_window_slides_attempts_older_than_fifteen_minutes_no_longer_count()
    {
        var options = new SecureLoggingAlertOptions();
        options.PasswordSpraying.Enabled = false;
        var h = new EngineHarness(options);

        // 24 single attempts in the first minutes, then a pause: when the 25th comes 15 minutes after the first,
        // the first has left the window, so only 24 attempts are within it.
        for (int i = 1; i <= 24; i++)
        {
            h.Fail($"leaked{i}", Attacker);
            h.Advance(TimeSpan.FromSeconds(5));
        }

        h.Advance(TimeSpan.FromMinutes(15) - TimeSpan.FromSeconds(5 * 24));
        Assert.Empty(h.Fail("leaked25", Attacker));

        // One more a second later: attempts 2..26 (25 of them) are within 15 minutes of it.
        h.Advance(TimeSpan.FromSeconds(1));
        var alert = Assert.Single(h.Fail("leaked26", Attacker));
        Assert.Equal("alert.credential_stuffing", alert.EventName);
        Assert.Equal(25, alert["attempt_count"]);
    }

    [Fact]
    public void Distributed_brute_force_is_one_alert_plus_periodic_updates_and_a_new_attack_after_a_quiet_window()
    {
        var h = new EngineHarness();

        // Two hours of failures 2.5 minutes apart from six rotating ips: never ten within 20 minutes (no plain
        // brute force), always ten within 30 from at least five ips once it has started.
        for (int i = 0; i < 48; i++)
        {
            h.Fail("root", $"198.51.100.{i % 6}");
            h.Advance(TimeSpan.FromMinutes(2.5));
        }

        List<DetectedAlert> first = h.Named("alert.distributed_brute_force").ToList();
        Assert.Empty(h.Named("alert.brute_force"));

        // Triggers from the 10th failure (22.5 min) to the 48th (117.5 min): 39 triggers, but one alert and one
        // update per 10-minute update interval (at 32.5, 42.5 … 112.5 min), each counting the 3 triggers it folded in.
        Assert.Equal(10, first.Count);
        Assert.Equal(false, first[0]["update"]);
        Assert.All(first.Skip(1), a => Assert.Equal(true, a["update"]));
        Assert.Equal(3, first[1]["suppressed_count"]);
        Assert.Equal(29L, h.Engine.Suppressed);

        // A whole window (30 minutes) without failures ends the attack; the next one is a new alert, not an update.
        h.Advance(TimeSpan.FromMinutes(31));
        for (int i = 0; i < 10; i++)
        {
            h.Fail("root", $"192.0.2.{i % 5}");
            h.Advance(TimeSpan.FromMinutes(2.5));
        }

        List<DetectedAlert> all = h.Named("alert.distributed_brute_force").ToList();
        Assert.Equal(11, all.Count);
        Assert.Equal(false, all[^1]["update"]);
        Assert.Equal(10L, all[^1]["failure_count"]);
    }
}
