using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace SecureLogging.Tests.SpecLiteral;

/// <summary>SPEC §8: the vocabulary, levels, OWASP names and the JSON record, read literally.</summary>
public sealed class RecordSpecTests
{
    private static readonly string[] FixedFields =
        ["timestamp", "level", "event", "owasp", "outcome", "user_id", "user_name", "ip_address", "request_id", "user_agent", "reason"];

    // Transcribed from SPEC §8 by hand: name, owasp (null where none), level.
    public static TheoryData<string, string?, string> Vocabulary => new()
    {
        { "authentication.success", "authn_login_success", "info" },
        { "authentication.failure", "authn_login_fail", "warning" },
        { "authentication.lockout", "authn_login_lock", "warning" },
        { "authentication.logout", "session_logout", "info" },
        { "authentication.password_changed", "authn_password_change", "info" },
        { "authentication.password_change_failed", "authn_password_change_fail", "warning" },
        { "authentication.mfa_enrolled", null, "info" },
        { "authentication.mfa_failed", null, "warning" },
        { "authentication.token_created", "authn_token_created", "info" },
        { "authentication.token_revoked", "authn_token_revoked", "info" },
        { "authorization.denied", "authz_fail", "warning" },
        { "account.created", "user_created", "info" },
        { "account.updated", "user_updated", "info" },
        { "account.deleted", "user_deleted", "warning" },
        { "account.role_granted", "authz_change", "warning" },
        { "account.role_revoked", "authz_change", "warning" },
        { "account.permission_granted", "authz_change", "warning" },
        { "account.permission_revoked", "authz_change", "warning" },
        { "data.exported", "sensitive_read", "warning" },
        { "data.bulk_deleted", "sensitive_delete", "warning" },
        { "configuration.changed", null, "warning" },
        { "api_key.created", "authn_token_created", "info" },
        { "api_key.revoked", "authn_token_revoked", "info" },
        { "alert.brute_force", null, "critical" },
        { "alert.password_spraying", null, "critical" },
        { "alert.credential_stuffing", null, "critical" },
        { "alert.distributed_brute_force", null, "critical" },
        { "alert.privilege_escalation", null, "critical" },
        { "alert.unusual_access", null, "critical" },
    };

    private static readonly Dictionary<string, LogLevel> Levels = new()
    {
        ["info"] = LogLevel.Information,
        ["warning"] = LogLevel.Warning,
        ["critical"] = LogLevel.Critical,
    };

    [Theory]
    [MemberData(nameof(Vocabulary))]
    public void Every_vocabulary_event_logs_with_its_dotted_name_owasp_name_and_level(string name, string? owasp, string level)
    {
        var logger = new CapturingLogger();

        logger.LogSecurityEvent(new SecurityEvent(name));

        var entry = logger.Single();
        Assert.Equal(Levels[level], entry.Level);
        Assert.Equal(name, entry.EventId.Name);
        Assert.NotEqual(0, entry.EventId.Id);
        using var json = JsonDocument.Parse(entry.Record.ToJson());
        var root = json.RootElement;
        Assert.Equal(name, root.GetProperty("event").GetString());
        Assert.Equal(level, root.GetProperty("level").GetString());
        if (owasp is null)
        {
            Assert.Equal(JsonValueKind.Null, root.GetProperty("owasp").ValueKind);
        }
        else
        {
            Assert.Equal(owasp, root.GetProperty("owasp").GetString());
        }
    }

    [Theory]
    [MemberData(nameof(Vocabulary))]
    public void Every_vocabulary_event_can_be_created_from_its_owasp_name_or_dotted_name(string name, string? owasp, string level)
    {
        _ = level;
        Assert.Equal(name, new SecurityEvent(name).Name);
        Assert.NotNull(new SecurityEvent(name).Definition);
        if (owasp is not null)
        {
            // Shared OWASP names map to the first event of the vocabulary listing them; the event is vocabulary either way.
            Assert.Equal(owasp, new SecurityEvent(owasp).Definition!.Owasp);
        }
    }

    [Fact]
    public void Record_has_every_fixed_field_in_order_then_event_specific_fields_in_snake_case()
    {
        var logger = new CapturingLogger();
        logger.LogRoleGranted("admin-1", "user-7", "Admin");

        using var json = JsonDocument.Parse(logger.Single().Record.ToJson());
        var names = json.RootElement.EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Equal(FixedFields, names.Take(FixedFields.Length));
        Assert.Equal(["target_user_id", "role"], names.Skip(FixedFields.Length));
        Assert.Equal("admin-1", json.RootElement.GetProperty("user_id").GetString());
        Assert.Equal("user-7", json.RootElement.GetProperty("target_user_id").GetString());
        Assert.Equal("Admin", json.RootElement.GetProperty("role").GetString());
        foreach (var name in new[] { "user_name", "ip_address", "request_id", "user_agent", "reason" })
        {
            Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty(name).ValueKind);
        }
    }

    [Fact]
    public void Record_is_one_line_of_utf8_json()
    {
        var logger = new CapturingLogger();
        logger.LogLoginFailed("Zoë\r\n{\"event\":\"authentication.success\"}", "bad\npassword\u0007");

        var line = logger.Single().Record.ToJson();
        Assert.DoesNotContain('\n', line);
        Assert.DoesNotContain('\r', line);
        using var json = JsonDocument.Parse(line);
        Assert.Equal("authentication.failure", json.RootElement.GetProperty("event").GetString());
        var userName = json.RootElement.GetProperty("user_name").GetString()!;
        Assert.StartsWith("Zoë", userName, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', userName);
        Assert.DoesNotContain('\r', userName);
        Assert.DoesNotContain(json.RootElement.GetProperty("reason").GetString()!, c => char.IsControl(c));
    }

    [Fact]
    public void Timestamp_is_utc_iso_8601_with_milliseconds()
    {
        var at = new DateTimeOffset(2026, 5, 4, 23, 30, 15, 7, TimeSpan.FromHours(2));
        var record = SecurityEventRecord.Create(new SecurityEvent(SecurityEventNames.AuthenticationLogout) { UserId = "u" }, at);

        using var json = JsonDocument.Parse(record.ToJson());
        var text = json.RootElement.GetProperty("timestamp").GetString()!;
        Assert.Equal("2026-05-04T21:30:15.007Z", text);

        var logger = new CapturingLogger();
        logger.LogLogout("u");
        using var now = JsonDocument.Parse(logger.Single().Record.ToJson());
        var logged = now.RootElement.GetProperty("timestamp").GetString()!;
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$", logged);
        Assert.True(DateTimeOffset.TryParse(logged, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed));
        Assert.Equal(TimeSpan.Zero, parsed.Offset);
    }

    [Theory]
    [InlineData("success", "success")]
    [InlineData("failure", "failure")]
    [InlineData("unknown", "unknown")]
    [InlineData("Success", "success")]
    [InlineData("FAILURE", "failure")]
    [InlineData("maybe", "unknown")]
    [InlineData("", "unknown")]
    public void Outcome_is_always_one_of_the_three_values(string given, string expected)
    {
        var record = SecurityEventRecord.Create(new SecurityEvent(SecurityEventNames.AccountUpdated) { Outcome = given });
        Assert.Equal(expected, record.Outcome);
        using var json = JsonDocument.Parse(record.ToJson());
        Assert.Equal(expected, json.RootElement.GetProperty("outcome").GetString());
    }

    [Theory]
    [InlineData(LogLevel.None)]
    [InlineData((LogLevel)42)]
    public void A_level_no_provider_would_write_falls_back_to_the_vocabulary_level(LogLevel level)
    {
        var logger = new CapturingLogger();
        logger.LogSecurityEvent(new SecurityEvent(SecurityEventNames.AuthenticationFailure) { Level = level });

        Assert.Equal(LogLevel.Warning, logger.Single().Level);
        Assert.Contains("\"level\":\"warning\"", logger.Single().Record.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void Typed_methods_give_the_outcomes_their_names_imply()
    {
        var logger = new CapturingLogger();
        logger.LogLoginSucceeded("u1");
        logger.LogLoginFailed("bob", "invalid_credentials");
        logger.LogLockout("u1");
        logger.LogMfaFailed("u1", "totp");
        logger.LogAccessDenied("u1", "/admin", "read", "policy");
        logger.LogPasswordChanged("u1");

        Assert.Equal(["success", "failure", "failure", "failure", "failure", "success"], logger.Entries.Select(e => e.Record.Outcome));
    }

    [Fact]
    public void Attempted_user_of_a_failed_login_is_the_user_name()
    {
        var logger = new CapturingLogger();
        logger.LogLoginFailed("alice@example.com", "invalid_credentials");

        var record = logger.Single().Record;
        Assert.Equal("alice@example.com", record.UserName);
        Assert.Null(record.UserId);
        Assert.Equal("invalid_credentials", record.Reason);
    }

    [Fact]
    public void Event_specific_numbers_stay_numbers_and_names_are_snake_case()
    {
        var logger = new CapturingLogger();
        logger.LogDataExported("u1", "customers", 1234);
        logger.LogApiKeyCreated("u1", "key_42");
        logger.LogSecurityEvent(new SecurityEvent(SecurityEventNames.AccountUpdated) { UserId = "u1" }.With("ChangedField", "Email").With("lockoutEndUtc", "x"));

        using var exported = JsonDocument.Parse(logger.Entries[0].Record.ToJson());
        Assert.Equal("customers", exported.RootElement.GetProperty("dataset").GetString());
        Assert.Equal(JsonValueKind.Number, exported.RootElement.GetProperty("record_count").ValueKind);
        Assert.Equal(1234, exported.RootElement.GetProperty("record_count").GetInt64());
        using var key = JsonDocument.Parse(logger.Entries[1].Record.ToJson());
        Assert.Equal("key_42", key.RootElement.GetProperty("key_id").GetString());
        using var updated = JsonDocument.Parse(logger.Entries[2].Record.ToJson());
        Assert.Equal("Email", updated.RootElement.GetProperty("changed_field").GetString());
        Assert.True(updated.RootElement.TryGetProperty("lockout_end_utc", out _));
        foreach (var doc in new[] { exported, key, updated })
        {
            foreach (var property in doc.RootElement.EnumerateObject())
            {
                Assert.Matches("^[a-z0-9_.]+$", property.Name);
            }
        }
    }

    [Fact]
    public void Access_denied_and_account_events_carry_the_named_fields()
    {
        var logger = new CapturingLogger();
        logger.LogAccessDenied("u1", "/orders/42", "delete", "not_owner");
        logger.LogPermissionRevoked("admin", "u2", "orders:write");
        logger.LogConfigurationChanged("admin", "PasswordPolicy");

        using var denied = JsonDocument.Parse(logger.Entries[0].Record.ToJson());
        Assert.Equal("/orders/42", denied.RootElement.GetProperty("resource").GetString());
        Assert.Equal("delete", denied.RootElement.GetProperty("action").GetString());
        Assert.Equal("not_owner", denied.RootElement.GetProperty("reason").GetString());
        using var revoked = JsonDocument.Parse(logger.Entries[1].Record.ToJson());
        Assert.Equal("u2", revoked.RootElement.GetProperty("target_user_id").GetString());
        Assert.Equal("orders:write", revoked.RootElement.GetProperty("permission").GetString());
        using var changed = JsonDocument.Parse(logger.Entries[2].Record.ToJson());
        Assert.Equal("PasswordPolicy", changed.RootElement.GetProperty("setting").GetString());
    }

    [Fact]
    public void Ecs_rendering_has_the_spec_fields()
    {
        using var scope = SecurityContext.Begin("203.0.113.9", "req-1", "curl/8", "ctx-user");
        var logger = new CapturingLogger();
        logger.LogLoginSucceeded("u1", "alice");

        using var json = JsonDocument.Parse(logger.Single().Record.ToJson(SecurityEventFormat.Ecs));
        var root = json.RootElement;
        Assert.Equal(JsonValueKind.Array, root.GetProperty("event").GetProperty("category").ValueKind);
        Assert.Contains("authentication", root.GetProperty("event").GetProperty("category").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(JsonValueKind.Array, root.GetProperty("event").GetProperty("type").ValueKind);
        Assert.Equal("success", root.GetProperty("event").GetProperty("outcome").GetString());
        Assert.Equal("u1", root.GetProperty("user").GetProperty("id").GetString());
        Assert.Equal("alice", root.GetProperty("user").GetProperty("name").GetString());
        Assert.Equal("203.0.113.9", root.GetProperty("source").GetProperty("ip").GetString());
        Assert.Equal("curl/8", root.GetProperty("user_agent").GetProperty("original").GetString());
        Assert.Equal("req-1", root.GetProperty("http").GetProperty("request").GetProperty("id").GetString());
        Assert.True(root.TryGetProperty("@timestamp", out _));
    }

    [Fact]
    public void Ecs_outcome_for_a_failure_is_failure()
    {
        var logger = new CapturingLogger();
        logger.LogLoginFailed("bob", "invalid_credentials");
        using var json = JsonDocument.Parse(logger.Single().Record.ToJson(SecurityEventFormat.Ecs));
        Assert.Equal("failure", json.RootElement.GetProperty("event").GetProperty("outcome").GetString());
        Assert.Equal("bob", json.RootElement.GetProperty("user").GetProperty("name").GetString());
    }
}
