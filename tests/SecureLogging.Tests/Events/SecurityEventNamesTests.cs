using Microsoft.Extensions.Logging;

namespace SecureLogging.Tests.Events;

public class SecurityEventNamesTests
{
    // SPEC §8, literally: name, OWASP name, level.
    public static TheoryData<string, string?, LogLevel> Vocabulary => new()
    {
        { "authentication.success", "authn_login_success", LogLevel.Information },
        { "authentication.failure", "authn_login_fail", LogLevel.Warning },
        { "authentication.lockout", "authn_login_lock", LogLevel.Warning },
        { "authentication.logout", "session_logout", LogLevel.Information },
        { "authentication.password_changed", "authn_password_change", LogLevel.Information },
        { "authentication.password_change_failed", "authn_password_change_fail", LogLevel.Warning },
        { "authentication.mfa_enrolled", null, LogLevel.Information },
        { "authentication.mfa_failed", null, LogLevel.Warning },
        { "authentication.token_created", "authn_token_created", LogLevel.Information },
        { "authentication.token_revoked", "authn_token_revoked", LogLevel.Information },
        { "authorization.denied", "authz_fail", LogLevel.Warning },
        { "account.created", "user_created", LogLevel.Information },
        { "account.updated", "user_updated", LogLevel.Information },
        { "account.deleted", "user_deleted", LogLevel.Warning },
        { "account.role_granted", "authz_change", LogLevel.Warning },
        { "account.role_revoked", "authz_change", LogLevel.Warning },
        { "account.permission_granted", "authz_change", LogLevel.Warning },
        { "account.permission_revoked", "authz_change", LogLevel.Warning },
        { "data.exported", "sensitive_read", LogLevel.Warning },
        { "data.bulk_deleted", "sensitive_delete", LogLevel.Warning },
        { "configuration.changed", null, LogLevel.Warning },
        { "api_key.created", "authn_token_created", LogLevel.Information },
        { "api_key.revoked", "authn_token_revoked", LogLevel.Information },
        { "alert.brute_force", null, LogLevel.Critical },
        { "alert.password_spraying", null, LogLevel.Critical },
        { "alert.credential_stuffing", null, LogLevel.Critical },
        { "alert.distributed_brute_force", null, LogLevel.Critical },
        { "alert.privilege_escalation", null, LogLevel.Critical },
        { "alert.unusual_access", null, LogLevel.Critical },
    };

    [Theory]
    [MemberData(nameof(Vocabulary))]
    public void Every_spec_event_is_defined_with_its_owasp_name_and_level(string name, string? owasp, LogLevel level)
    {
        var definition = SecurityEventNames.Find(name);

        Assert.NotNull(definition);
        Assert.Equal(name, definition.Name);
        Assert.Equal(owasp, definition.Owasp);
        Assert.Equal(level, definition.Level);
        Assert.Equal(new EventId(definition.EventId, name), definition.ToEventId());
    }

    [Fact]
    public void The_vocabulary_is_exactly_the_spec_list()
    {
        var expected = Vocabulary.Select(row => (string)row[0]).ToArray();
        Assert.Equal(expected, SecurityEventNames.All.Select(d => d.Name).ToArray());
    }

    [Fact]
    public void Event_ids_are_unique_and_follow_the_documented_blocks()
    {
        Assert.Equal(SecurityEventNames.All.Count, SecurityEventNames.All.Select(d => d.EventId).Distinct().Count());
        foreach (var definition in SecurityEventNames.All)
        {
            var block = definition.Name.Split('.')[0] switch
            {
                "authentication" => 1000,
                "authorization" => 2000,
                "account" => 3000,
                "data" => 4000,
                "configuration" => 5000,
                "api_key" => 6000,
                "alert" => 9000,
                _ => throw new InvalidOperationException(definition.Name),
            };
            Assert.InRange(definition.EventId, block + 1, block + 999);
            Assert.Same(definition, SecurityEventNames.FindById(definition.EventId));
        }
    }

    [Fact]
    public void Constants_are_the_dotted_names()
    {
        var constants = typeof(SecurityEventNames).GetFields()
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .OrderBy(n => n, StringComparer.Ordinal);
        Assert.Equal(SecurityEventNames.All.Select(d => d.Name).OrderBy(n => n, StringComparer.Ordinal), constants);
    }

    [Theory]
    [InlineData("authn_login_fail", "authentication.failure")]
    [InlineData("AUTHN_login_fail", "authentication.failure")]
    [InlineData("authn_login_fail:joebob1", "authentication.failure")]
    [InlineData("Authentication.Failure", "authentication.failure")]
    [InlineData("session_logout", "authentication.logout")]
    [InlineData("authz_change", "account.role_granted")]
    [InlineData("authn_token_created", "authentication.token_created")]
    [InlineData("  authz_fail ", "authorization.denied")]
    public void Find_accepts_owasp_names_in_any_case(string name, string expected)
        => Assert.Equal(expected, SecurityEventNames.Find(name)?.Name);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("User logged in.")]
    [InlineData("authentication")]
    [InlineData("authentication.successful")]
    [InlineData(":authn_login_fail")]
    public void Find_returns_null_for_non_vocabulary(string? name) => Assert.Null(SecurityEventNames.Find(name));

    [Theory]
    [InlineData("authentication.success", "success")]
    [InlineData("authentication.failure", "failure")]
    [InlineData("authentication.lockout", "failure")]
    [InlineData("authorization.denied", "failure")]
    [InlineData("authentication.mfa_failed", "failure")]
    [InlineData("authentication.password_change_failed", "failure")]
    [InlineData("account.created", "success")]
    [InlineData("alert.brute_force", "unknown")]
    public void Default_outcomes(string name, string outcome) => Assert.Equal(outcome, SecurityEventNames.Find(name)!.Outcome);
}
