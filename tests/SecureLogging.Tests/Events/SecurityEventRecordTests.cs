using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace SecureLogging.Tests.Events;

public class SecurityEventRecordTests
{
    [Fact]
    public void ToJson_writes_the_spec_fields_in_order_then_the_event_fields()
    {
        var record = SecurityEventRecord.Create(
            new SecurityEvent(SecurityEventNames.AccountRoleGranted) { UserId = "admin", TargetUserId = "u2", Role = "Admin" },
            new DateTimeOffset(2026, 11, 28, 20, 43, 55, 123, TimeSpan.FromHours(1)));

        var json = record.ToJson();

        Assert.Equal(
            """{"timestamp":"2026-11-28T19:43:55.123Z","level":"warning","event":"account.role_granted","owasp":"authz_change","outcome":"success","user_id":"admin","user_name":null,"ip_address":null,"request_id":null,"user_agent":null,"reason":null,"target_user_id":"u2","role":"Admin"}""",
            json);
    }

    [Fact]
    public void Timestamps_are_utc_iso_8601_with_milliseconds()
    {
        var record = SecurityEventRecord.Create(new SecurityEvent(SecurityEventNames.AuthenticationLogout));
        var timestamp = JsonDocument.Parse(record.ToJson()).RootElement.GetProperty("timestamp").GetString()!;
        Assert.Matches(new Regex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$"), timestamp);
    }

    [Fact]
    public void Numbers_booleans_and_non_ascii_render_as_json_values()
    {
        var record = SecurityEventRecord.Create(new SecurityEvent(SecurityEventNames.DataExported) { UserName = "Zoë 山田" }
            .With("record_count", 12L).With("ratio", 0.5).With("full", false).With("nan", double.NaN).With("when", new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc)));
        var root = JsonDocument.Parse(record.ToJson()).RootElement;

        Assert.Equal("Zoë 山田", root.GetProperty("user_name").GetString());
        Assert.Equal(12, root.GetProperty("record_count").GetInt64());
        Assert.Equal(0.5, root.GetProperty("ratio").GetDouble());
        Assert.False(root.GetProperty("full").GetBoolean());
        Assert.Equal("NaN", root.GetProperty("nan").GetString());
        Assert.Equal("2026-01-02T03:04:05.000Z", root.GetProperty("when").GetString());
        Assert.Contains("Zoë 山田", record.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void WriteProperties_lets_a_store_add_its_own_fields()
    {
        var record = SecurityEventRecord.Create(new SecurityEvent(SecurityEventNames.AuthenticationLogout) { UserId = "u1" });
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteNumber("seq", 7);
            record.WriteProperties(writer);
            writer.WriteEndObject();
        }

        var root = JsonDocument.Parse(stream.ToArray()).RootElement;
        Assert.Equal(7, root.GetProperty("seq").GetInt32());
        Assert.Equal("u1", root.GetProperty("user_id").GetString());
    }

    [Fact]
    public void Ecs_rendering_maps_the_record_to_ecs_fields()
    {
        SecurityEventRecord record;
        using (SecurityContext.Begin("203.0.113.7", "req-9", "curl/8.0"))
        {
            record = SecurityEventRecord.Create(new SecurityEvent(SecurityEventNames.AuthenticationFailure) { UserName = "alice", Reason = "invalid_credentials" }.With("method", "password"));
        }

        var root = JsonDocument.Parse(record.ToJson(SecurityEventFormat.Ecs)).RootElement;

        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$", root.GetProperty("@timestamp").GetString());
        var e = root.GetProperty("event");
        Assert.Equal("authentication.failure", e.GetProperty("action").GetString());
        Assert.Equal("authentication", e.GetProperty("category")[0].GetString());
        Assert.Equal("start", e.GetProperty("type")[0].GetString());
        Assert.Equal("failure", e.GetProperty("outcome").GetString());
        Assert.Equal("event", e.GetProperty("kind").GetString());
        Assert.Equal("1002", e.GetProperty("code").GetString());
        Assert.Equal("invalid_credentials", e.GetProperty("reason").GetString());
        Assert.Equal("warning", root.GetProperty("log").GetProperty("level").GetString());
        Assert.Equal("alice", root.GetProperty("user").GetProperty("name").GetString());
        Assert.False(root.GetProperty("user").TryGetProperty("id", out _));
        Assert.Equal("203.0.113.7", root.GetProperty("source").GetProperty("ip").GetString());
        Assert.Equal("curl/8.0", root.GetProperty("user_agent").GetProperty("original").GetString());
        Assert.Equal("req-9", root.GetProperty("http").GetProperty("request").GetProperty("id").GetString());
        Assert.Equal("authn_login_fail", root.GetProperty("securelogging").GetProperty("owasp").GetString());
        Assert.Equal("password", root.GetProperty("securelogging").GetProperty("method").GetString());
    }

    [Fact]
    public void Ecs_puts_target_users_under_user_target_and_alerts_are_alert_kind()
    {
        var grant = SecurityEventRecord.Create(new SecurityEvent(SecurityEventNames.AccountRoleGranted) { UserId = "admin", TargetUserId = "u2", Role = "Admin", IpAddress = "not-an-ip" });
        var root = JsonDocument.Parse(grant.ToJson(SecurityEventFormat.Ecs)).RootElement;
        Assert.Equal("u2", root.GetProperty("user").GetProperty("target").GetProperty("id").GetString());
        Assert.Equal("not-an-ip", root.GetProperty("source").GetProperty("address").GetString());
        Assert.Equal("iam", root.GetProperty("event").GetProperty("category")[0].GetString());

        var alert = SecurityEventRecord.Create(new SecurityEvent(SecurityEventNames.AlertBruteForce) { UserName = "alice" });
        var alertRoot = JsonDocument.Parse(alert.ToJson(SecurityEventFormat.Ecs)).RootElement;
        Assert.Equal("alert", alertRoot.GetProperty("event").GetProperty("kind").GetString());
        Assert.Equal("critical", alertRoot.GetProperty("log").GetProperty("level").GetString());
    }

    [Fact]
    public void Level_names()
    {
        Assert.Equal("info", JsonDocument.Parse(SecurityEventRecord.Create(new SecurityEvent(SecurityEventNames.AuthenticationSuccess)).ToJson()).RootElement.GetProperty("level").GetString());
        Assert.Equal("critical", JsonDocument.Parse(SecurityEventRecord.Create(new SecurityEvent(SecurityEventNames.AlertUnusualAccess)).ToJson()).RootElement.GetProperty("level").GetString());
        Assert.Equal(LogLevel.Warning, SecurityEventRecord.Create(new SecurityEvent(SecurityEventNames.AuthorizationDenied)).Level);
    }
}
