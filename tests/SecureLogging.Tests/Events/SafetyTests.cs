using System.Text.Json;

namespace SecureLogging.Tests.Events;

public class SafetyTests
{
    private const string Jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";

    [Theory]
    [InlineData("token was " + Jwt, "token was [REDACTED:jwt]")]
    [InlineData("password=hunter2", "password=[REDACTED]")]
    [InlineData("bad login: Password: 'hunter2' for bob", "bad login: Password: '[REDACTED]' for bob")]
    [InlineData("key AKIAIOSFODNN7EXAMPLE leaked", "key [REDACTED:aws] leaked")]
    [InlineData("Authorization: Bearer abcdefghijklmnop", "Authorization: [REDACTED]")]
    [InlineData("db=Server=x;User Id=sa;Password=P@ss;", "db=Server=x;User Id=sa;Password=[REDACTED];")]
    public void A_secret_passed_as_a_reason_comes_out_masked(string reason, string expected)
    {
        var logger = new CapturingLogger();
        logger.LogLoginFailed("bob", reason);

        Assert.Equal(expected, logger.Single()["reason"]);
        Assert.Equal(expected, logger.Single().Record.Reason);
    }

    [Theory]
    [InlineData("Password", "[REDACTED]")]
    [InlineData("new_password", "[REDACTED]")]
    [InlineData("ClientSecret", "[REDACTED]")]
    [InlineData("api_key", "[REDACTED]")]
    [InlineData("ConnectionString", "[REDACTED]")]
    [InlineData("cvv", "[REDACTED]")]
    [InlineData("otp_code", "[REDACTED]")]
    [InlineData("password_hash", "[REDACTED]")]
    public void Secret_named_fields_are_redacted_whatever_their_value(string field, string expected)
    {
        var record = SecurityEventRecord.Create(new SecurityEvent(SecurityEventNames.AccountUpdated).With(field, "plain value 12345"));
        Assert.Equal(expected, Assert.Single(record.Fields).Value);
    }

    [Theory]
    [InlineData("api_key_id", "k_1")]
    [InlineData("token_type", "Bearer")]
    [InlineData("password_policy", "strong")]
    [InlineData("key_id", "k_1")]
    [InlineData("secret_name", "db")]
    [InlineData("next_page_token", "p2")]
    public void Excluded_names_are_kept(string field, string value)
    {
        var record = SecurityEventRecord.Create(new SecurityEvent(SecurityEventNames.AccountUpdated).With(field, value));
        Assert.Equal(value, Assert.Single(record.Fields).Value);
    }

    [Fact]
    public void Token_and_card_named_fields_are_fingerprinted_and_masked()
    {
        var record = SecurityEventRecord.Create(new SecurityEvent(SecurityEventNames.AuthenticationTokenCreated)
            .With("refreshToken", "r-abc").With("CardNumber", "4111 1111 1111 1111"));

        Assert.Matches(@"^\[REDACTED:fp=[0-9a-f]{8}\]$", (string)record.Fields[0].Value!);
        Assert.Equal("************1111", record.Fields[1].Value);
    }

    [Fact]
    public void A_crlf_in_a_user_name_cannot_start_a_new_record()
    {
        var logger = new CapturingLogger();
        const string forged = "bob\r\n{\"timestamp\":\"2026-01-01T00:00:00.000Z\",\"event\":\"authentication.success\",\"user_name\":\"admin\"}";

        logger.LogLoginFailed(forged, "invalid_credentials");

        var entry = logger.Single();
        var userName = (string)entry["user_name"]!;
        Assert.DoesNotContain('\r', userName);
        Assert.DoesNotContain('\n', userName);
        Assert.StartsWith("bob\\r\\n{", userName, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', entry.Message);

        var json = entry.Record.ToJson();
        Assert.DoesNotContain('\n', json);
        Assert.DoesNotContain('\r', json);
        Assert.Single(json.Split('\n'));
        Assert.Equal(userName, JsonDocument.Parse(json).RootElement.GetProperty("user_name").GetString());
    }

    [Theory]
    [InlineData("a\u2028b", "a\\u2028b")]
    [InlineData("a\u0085b", "a\\u0085b")]
    [InlineData("a\u202Eb", "a\\u202Eb")]
    [InlineData("a\tb\0", "a\\tb\\u0000")]
    [InlineData("emoji 😀 ok", "emoji 😀 ok")]
    public void Every_control_character_is_neutralised_visibly(string input, string expected)
    {
        var record = SecurityEventRecord.Create(new SecurityEvent(SecurityEventNames.AuthenticationFailure) { Reason = input });
        Assert.Equal(expected, record.Reason);
        JsonDocument.Parse(record.ToJson());
    }

    [Fact]
    public void Unpaired_surrogates_are_neutralised()
    {
        var record = SecurityEventRecord.Create(new SecurityEvent(SecurityEventNames.AuthenticationFailure) { Reason = "a" + (char)0xD800 + "b" + (char)0xDC00 });
        Assert.Equal("a\\uD800b\\uDC00", record.Reason);
        JsonDocument.Parse(record.ToJson());
    }

    [Fact]
    public void Huge_values_are_bounded()
    {
        var record = SecurityEventRecord.Create(new SecurityEvent(SecurityEventNames.AuthenticationFailure) { Reason = new string('x', 1_000_000) + " tail" });
        Assert.True(record.Reason!.Length < 5000);
        Assert.EndsWith("[truncated]", record.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_whose_ToString_throws_is_rendered_by_type_name()
    {
        var record = SecurityEventRecord.Create(new SecurityEvent(SecurityEventNames.AccountUpdated).With("thing", new Throwing()));
        Assert.Equal("[unrenderable Throwing]", record.Fields[0].Value);
    }

    private sealed class Throwing
    {
        public override string ToString() => throw new InvalidOperationException();
    }
}
