using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace SecureLogging.Tests.Events;

public class SecurityLogTests
{
    private static readonly string[] FixedFields =
        ["timestamp", "level", "event", "owasp", "outcome", "user_id", "user_name", "ip_address", "request_id", "user_agent", "reason"];

    // Every typed method, with the event, outcome and fields it must produce.
    public static TheoryData<string, string, string, string> Calls => new()
    {
        { "LoginSucceeded", "authentication.success", "success", "user_id=u1;user_name=alice" },
        { "LoginSucceededMfa", "authentication.success", "success", "user_id=u1;method=mfa" },
        { "LoginFailed", "authentication.failure", "failure", "user_name=alice@example.com;reason=invalid_credentials;user_id=" },
        { "Lockout", "authentication.lockout", "failure", "user_id=u1;user_name=alice" },
        { "Logout", "authentication.logout", "success", "user_id=u1" },
        { "PasswordChanged", "authentication.password_changed", "success", "user_id=u1" },
        { "MfaEnrolled", "authentication.mfa_enrolled", "success", "user_id=u1;method=authenticator" },
        { "MfaFailed", "authentication.mfa_failed", "failure", "user_id=u1;method=recovery_code" },
        { "AccessDenied", "authorization.denied", "failure", "user_id=u1;resource=/orders/42;action=delete;reason=not_owner" },
        { "AccountCreated", "account.created", "success", "user_id=admin;target_user_id=u2" },
        { "AccountDeleted", "account.deleted", "success", "user_id=admin;target_user_id=u2" },
        { "RoleGranted", "account.role_granted", "success", "user_id=admin;target_user_id=u2;role=Admin" },
        { "RoleRevoked", "account.role_revoked", "success", "user_id=admin;target_user_id=u2;role=Admin" },
        { "PermissionGranted", "account.permission_granted", "success", "user_id=admin;target_user_id=u2;permission=orders:write" },
        { "PermissionRevoked", "account.permission_revoked", "success", "user_id=admin;target_user_id=u2;permission=orders:write" },
        { "DataExported", "data.exported", "success", "user_id=u1;dataset=customers;record_count=1200" },
        { "BulkDeleted", "data.bulk_deleted", "success", "user_id=u1;resource=orders;record_count=30" },
        { "ConfigurationChanged", "configuration.changed", "success", "user_id=admin;setting=PasswordPolicy" },
        { "ApiKeyCreated", "api_key.created", "success", "user_id=u1;key_id=key_123" },
        { "ApiKeyRevoked", "api_key.revoked", "success", "user_id=u1;key_id=key_123" },
    };

    internal static void Invoke(ILogger logger, string call)
    {
        switch (call)
        {
            case "LoginSucceeded": logger.LogLoginSucceeded("u1", "alice"); break;
            case "LoginSucceededMfa": logger.LogLoginSucceeded("u1", method: "mfa"); break;
            case "LoginFailed": logger.LogLoginFailed("alice@example.com", "invalid_credentials"); break;
            case "Lockout": logger.LogLockout("u1", "alice"); break;
            case "Logout": logger.LogLogout("u1"); break;
            case "PasswordChanged": logger.LogPasswordChanged("u1"); break;
            case "MfaEnrolled": logger.LogMfaEnrolled("u1", "authenticator"); break;
            case "MfaFailed": logger.LogMfaFailed("u1", "recovery_code"); break;
            case "AccessDenied": logger.LogAccessDenied("u1", "/orders/42", "delete", "not_owner"); break;
            case "AccountCreated": logger.LogAccountCreated("admin", "u2"); break;
            case "AccountDeleted": logger.LogAccountDeleted("admin", "u2"); break;
            case "RoleGranted": logger.LogRoleGranted("admin", "u2", "Admin"); break;
            case "RoleRevoked": logger.LogRoleRevoked("admin", "u2", "Admin"); break;
            case "PermissionGranted": logger.LogPermissionGranted("admin", "u2", "orders:write"); break;
            case "PermissionRevoked": logger.LogPermissionRevoked("admin", "u2", "orders:write"); break;
            case "DataExported": logger.LogDataExported("u1", "customers", 1200); break;
            case "BulkDeleted": logger.LogBulkDeleted("u1", "orders", 30); break;
            case "ConfigurationChanged": logger.LogConfigurationChanged("admin", "PasswordPolicy"); break;
            case "ApiKeyCreated": logger.LogApiKeyCreated("u1", "key_123"); break;
            case "ApiKeyRevoked": logger.LogApiKeyRevoked("u1", "key_123"); break;
            default: throw new ArgumentOutOfRangeException(nameof(call), call, null);
        }
    }

    [Theory]
    [MemberData(nameof(Calls))]
    public void Each_method_logs_its_event_with_the_spec_fields_even_when_the_logger_is_disabled(string call, string name, string outcome, string fields)
    {
        var logger = new CapturingLogger { Enabled = false };

        Invoke(logger, call);

        var entry = logger.Single();
        var definition = SecurityEventNames.Find(name)!;
        Assert.Equal(definition.Level, entry.Level);
        Assert.Equal(definition.EventId, entry.EventId.Id);
        Assert.Equal(name, entry.EventId.Name);
        Assert.Equal(name, entry["event"]);
        Assert.Equal(definition.Owasp, entry["owasp"]);
        Assert.Equal(outcome, entry["outcome"]);
        Assert.Equal(FixedFields, entry.Properties.Take(FixedFields.Length).Select(p => p.Key));
        Assert.Equal("{OriginalFormat}", entry.Properties[^1].Key);
        foreach (var pair in fields.Split(';'))
        {
            var (key, value) = (pair.Split('=', 2)[0], pair.Split('=', 2)[1]);
            var actual = entry[key];
            Assert.Equal(value.Length == 0 ? null : value, actual is long l ? l.ToString(System.Globalization.CultureInfo.InvariantCulture) : actual);
        }

        Assert.Equal(name, entry.Record.Event);
    }

    [Fact]
    public void The_state_round_trips_through_TryCreate_to_the_same_record()
    {
        var logger = new CapturingLogger();
        logger.LogAccessDenied("u1", "/orders/42", "delete", "not_owner");

        var entry = logger.Single();
        Assert.True(SecurityEventRecord.TryCreate(entry.Level, entry.EventId, entry.State, out var record));

        Assert.Equal("authorization.denied", record!.Event);
        Assert.Equal("authz_fail", record.Owasp);
        Assert.Equal(LogLevel.Warning, record.Level);
        Assert.Equal("failure", record.Outcome);
        Assert.Equal("u1", record.UserId);
        Assert.Equal("not_owner", record.Reason);
        Assert.Equal([new("resource", "/orders/42"), new("action", "delete")], record.Fields);
        Assert.Equal(entry["timestamp"], JsonDocument.Parse(record.ToJson()).RootElement.GetProperty("timestamp").GetString());
    }

    [Fact]
    public void The_message_reads_well_and_the_template_names_present_fields()
    {
        var logger = new CapturingLogger();
        logger.LogLoginFailed("alice", "invalid_credentials");

        var entry = logger.Single();
        Assert.Equal("authentication.failure failure: user_name=alice reason=invalid_credentials", entry.Message);
        Assert.Equal("{event} {outcome}: user_name={user_name} reason={reason}", entry["{OriginalFormat}"]);
    }

    [Fact]
    public void LogSecurityEvent_logs_any_vocabulary_event_with_any_fields()
    {
        var logger = new CapturingLogger();

        logger.LogSecurityEvent(new SecurityEvent("user_updated")
        {
            UserId = "admin",
            TargetUserId = "u2",
            Reason = "two_factor_disabled",
        }.With("ChangedFields", new[] { "TwoFactorEnabled", "LockoutEnd" }).With("attempts", 3).With("elevated", true));

        var entry = logger.Single();
        Assert.Equal(new EventId(3002, "account.updated"), entry.EventId);
        Assert.Equal(LogLevel.Information, entry.Level);
        Assert.Equal("TwoFactorEnabled, LockoutEnd", entry["changed_fields"]);
        Assert.Equal(3L, entry["attempts"]);
        Assert.Equal(true, entry["elevated"]);
        Assert.Equal("u2", entry["target_user_id"]);
    }

    [Fact]
    public void LogSecurityEvent_with_a_caller_outcome_and_level()
    {
        var logger = new CapturingLogger();

        logger.LogSecurityEvent(new SecurityEvent(SecurityEventNames.AlertBruteForce) { UserName = "alice", Outcome = "FAILED" });
        logger.LogSecurityEvent(new SecurityEvent(SecurityEventNames.AccountUpdated) { Outcome = "bogus", Level = LogLevel.Error });

        Assert.Equal(LogLevel.Critical, logger.Entries[0].Level);
        Assert.Equal("failure", logger.Entries[0]["outcome"]);
        Assert.Equal("unknown", logger.Entries[1]["outcome"]);
        Assert.Equal(LogLevel.Error, logger.Entries[1].Level);
        Assert.Equal("error", logger.Entries[1]["level"]);
    }

    [Fact]
    public void Application_specific_events_keep_their_name_with_event_id_zero()
    {
        var logger = new CapturingLogger();

        logger.LogSecurityEvent(new SecurityEvent("payments.refund_approved") { UserId = "u1" });

        var entry = logger.Single();
        Assert.Equal(new EventId(0, "payments.refund_approved"), entry.EventId);
        Assert.Null(entry["owasp"]);
        Assert.Equal("unknown", entry["outcome"]);
        Assert.True(SecurityEventRecord.TryCreate(entry.Level, entry.EventId, entry.State, out _));
    }

    [Fact]
    public void With_a_fixed_field_name_sets_that_field()
    {
        var e = new SecurityEvent(SecurityEventNames.AuthenticationFailure).With("UserName", "bob").With("Reason", "expired").With("timestamp", "x");
        var record = SecurityEventRecord.Create(e);

        Assert.Equal("bob", record.UserName);
        Assert.Equal("expired", record.Reason);
        Assert.Equal([new("data_timestamp", "x")], record.Fields);
    }

    [Fact]
    public void Bad_arguments_get_clear_errors()
    {
        Assert.Throws<ArgumentException>(() => new SecurityEvent(" "));
        Assert.Throws<ArgumentNullException>(() => new CapturingLogger().LogSecurityEvent(null!));
        Assert.Throws<ArgumentNullException>(() => ((ILogger)null!).LogLogout("u1"));
    }

    [Fact]
    public void Null_for_a_required_argument_records_null_rather_than_throwing()
    {
        var logger = new CapturingLogger();
        logger.LogLoginSucceeded(null!);
        logger.LogAccessDenied(null, null!, null!, null!);

        Assert.Null(logger.Entries[0]["user_id"]);
        Assert.Null(logger.Entries[1]["reason"]);
    }
}
