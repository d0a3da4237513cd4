namespace SecureLogging.Tests.Alerts;

public class GrantAndAccessDetectionTests
{
    [Theory]
    [InlineData("Admin")]
    [InlineData("administrator")]
    [InlineData("Global Administrator")]
    [InlineData("global_admin")]
    [InlineData("SUPERUSER")]
    [InlineData("root")]
    [InlineData("Owner")]
    public void Granting_an_admin_class_role_fires_at_once(string role)
    {
        var h = new EngineHarness();
        var alert = Assert.Single(h.Grant("ops-1", "user-7", role));
        Assert.Equal("alert.privilege_escalation", alert.EventName);
        Assert.Equal("admin_role_granted", alert["detection"]);
        Assert.Equal(role, alert["role"]);
        Assert.Equal("user-7", alert["target_user_id"]);
        Assert.Equal("ops-1", alert.UserId);
    }

    [Theory]
    [InlineData("Editor")]
    [InlineData("Reader")]
    [InlineData("AdministrativeAssistantReadOnly")]
    [InlineData("")]
    public void Granting_an_ordinary_role_to_someone_else_is_quiet(string role)
    {
        var h = new EngineHarness();
        Assert.Empty(h.Grant("ops-1", "user-7", role));
    }

    [Fact]
    public void A_self_grant_of_any_role_or_permission_fires()
    {
        var h = new EngineHarness();
        var alert = Assert.Single(h.Grant("user-7", "USER-7", "Editor"));
        Assert.Equal("self_granted", alert["detection"]);
        Assert.Single(h.GrantPermission("user-8", "user-8", "orders.read"));
        var both = Assert.Single(h.Grant("user-9", "user-9", "Admin"));
        Assert.Equal("admin_role_self_granted", both["detection"]);
    }

    [Fact]
    public void Admin_class_names_are_configurable_with_wildcards_and_without_defaults()
    {
        var options = new SecureLoggingAlertOptions();
        options.PrivilegeEscalation.IncludeDefaultAdminRoles = false;
        options.PrivilegeEscalation.AdminRoles.Add("*-ops");
        options.PrivilegeEscalation.AdminRoles.Add("Billing Manager");
        options.PrivilegeEscalation.AlertOnSelfGrant = false;
        var h = new EngineHarness(options);
        Assert.Single(h.Grant("a", "b", "platform-ops"));
        Assert.Single(h.Grant("a", "b", "billing_manager"));
        Assert.Empty(h.Grant("a", "b", "Admin"));
        Assert.Empty(h.Grant("b", "b", "Editor"));
    }

    [Fact]
    public void Admin_role_on_account_created_counts_as_a_grant()
    {
        var h = new EngineHarness();
        Assert.Single(h.Grant("ops-1", "new-user", "Administrator", "account.created"));
        // Creating an account is not a self-grant even when the ids match (self-registration).
        Assert.Empty(h.Grant("new-user", "new-user", "Customer", "account.created"));
    }

    [Fact]
    public void The_same_grant_repeated_is_one_alert_plus_updates()
    {
        var h = new EngineHarness();
        for (int i = 0; i < 50; i++)
        {
            h.Grant("ops-1", "user-7", "Admin");
            h.Advance(TimeSpan.FromSeconds(5));
        }

        Assert.Single(h.Alerts);
        h.Advance(TimeSpan.FromMinutes(10));
        Assert.Single(h.Grant("ops-1", "user-7", "Admin"));

        // A different target is a different grant.
        Assert.Single(h.Grant("ops-1", "user-8", "Admin"));
    }

    [Fact]
    public void Unusual_access_needs_an_earlier_success_in_the_history()
    {
        var h = new EngineHarness();
        Assert.Empty(h.Succeed("kim", "192.0.2.1", "Firefox"));
        h.Advance(TimeSpan.FromHours(3));
        Assert.Empty(h.Succeed("kim", "192.0.2.1", "Firefox"));

        h.Advance(TimeSpan.FromHours(3));
        var alert = Assert.Single(h.Succeed("kim", "203.0.113.9", "Firefox"));
        Assert.Equal("alert.unusual_access", alert.EventName);
        Assert.Equal("new_ip_address", alert["detection"]);
        Assert.Equal(true, alert["new_ip_address"]);
        Assert.Equal(false, alert["new_user_agent"]);
        Assert.Equal(1, alert["known_ip_address_count"]);
        Assert.Equal("kim", alert["account"]);
        Assert.Equal("203.0.113.9", alert.IpAddress);
        Assert.Equal("success", alert.Outcome);
    }

    [Fact]
    public void Unusual_access_fires_for_a_new_user_agent()
    {
        var h = new EngineHarness();
        h.Succeed("lee", "192.0.2.1", "Firefox");
        h.Advance(TimeSpan.FromDays(1));
        var alert = Assert.Single(h.Succeed("lee", "192.0.2.1", "curl/8.0"));
        Assert.Equal("new_user_agent", alert["detection"]);
    }

    [Fact]
    public void Known_ips_are_remembered_for_seven_days_and_the_history_expires()
    {
        var h = new EngineHarness();
        h.Succeed("max", "192.0.2.1");
        h.Advance(TimeSpan.FromDays(2));
        h.Succeed("max", "192.0.2.2"); // new ip: alert
        h.Advance(TimeSpan.FromDays(4));
        Assert.Empty(h.Succeed("max", "192.0.2.1")); // six days later: still known

        h.Advance(TimeSpan.FromDays(7));
        // No success in the last seven days: no history, the user silently starts a new one.
        Assert.Empty(h.Succeed("max", "198.51.100.1"));
        h.Advance(TimeSpan.FromHours(1));
        Assert.Single(h.Succeed("max", "192.0.2.1")); // 192.0.2.1 was last seen 7 days ago: forgotten
    }

    [Fact]
    public void An_ip_older_than_the_history_counts_as_new()
    {
        var h = new EngineHarness();
        h.Succeed("ned", "192.0.2.1");
        for (int day = 0; day < 8; day++)
        {
            h.Advance(TimeSpan.FromDays(1));
            h.Succeed("ned", "192.0.2.2");
        }

        Assert.Single(h.Alerts); // the first 192.0.2.2
        Assert.Single(h.Succeed("ned", "192.0.2.1")); // seen 8 days ago
    }

    [Fact]
    public void Unusual_access_is_deduplicated_within_the_update_interval()
    {
        var h = new EngineHarness();
        h.Succeed("oli", "192.0.2.1");
        h.Advance(TimeSpan.FromMinutes(1));
        Assert.Single(h.Succeed("oli", "203.0.113.1"));
        h.Advance(TimeSpan.FromMinutes(1));
        Assert.Empty(h.Succeed("oli", "203.0.113.2"));
        h.Advance(TimeSpan.FromMinutes(15));
        Assert.Single(h.Succeed("oli", "203.0.113.3"));
    }

    [Fact]
    public void A_forgotten_user_silently_starts_a_new_history()
    {
        var options = new SecureLoggingAlertOptions { MaxTrackedUsers = 16 };
        var h = new EngineHarness(options);
        h.Succeed("pam", "192.0.2.1");
        h.Advance(TimeSpan.FromMinutes(1));
        for (int i = 0; i < 1000; i++)
        {
            h.Succeed($"other{i}", "192.0.2.50");
        }

        h.Advance(TimeSpan.FromMinutes(1));
        Assert.Empty(h.Succeed("pam", "203.0.113.1"));
    }
}
