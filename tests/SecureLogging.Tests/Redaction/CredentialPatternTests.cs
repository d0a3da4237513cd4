using System.Diagnostics;

namespace SecureLogging.Tests.Redaction;

public class CredentialPatternTests
{
    [Theory]
    [InlineData("AKIAIOSFODNN7EXAMPLE", "[REDACTED:aws]")]
    [InlineData("ghp_0123456789abcdefghijklmnopqrstuvwxyzAB", "[REDACTED:github]")]
    [InlineData("github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz", "[REDACTED:github]")]
    [InlineData("glpat-abcdefghij0123456789", "[REDACTED:gitlab]")]
    [InlineData("xoxb-1234567890-1234567890123-abcdefghijABCDEFGHIJ1234", "[REDACTED:slack]")]
    [InlineData("https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX", "https://[REDACTED:slack]")]
    [InlineData("sk_live_0123456789abcdefghijklmn", "[REDACTED:stripe]")]
    [InlineData("rk_test_0123456789abcdef", "[REDACTED:stripe]")]
    [InlineData("AIzaSyA-0123456789abcdefghijklmnopqrstu", "[REDACTED:google]")]
    [InlineData("npm_0123456789abcdefghijklmnopqrstuvwxyz", "[REDACTED:npm]")]
    [InlineData("sk-proj-abcdefghijklmnopqrstuvwxyz0123456789", "[REDACTED:openai]")]
    [InlineData("-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA\n-----END RSA PRIVATE KEY----- after", "[REDACTED:private_key] after")]
    [InlineData("-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA (truncated", "[REDACTED:private_key]")]
    [InlineData("https://admin:s3cr3t@db.example.com/x", "https://admin:[REDACTED]@db.example.com/x")]
    [InlineData("api_key=abc123def456", "api_key=[REDACTED]")]
    [InlineData("{\"password\":\"hunter2\",\"user\":\"bob\"}", "{\"password\":\"[REDACTED]\",\"user\":\"bob\"}")]
    [InlineData("client_secret: 'xyz'", "client_secret: '[REDACTED]'")]
    [InlineData("Authorization: token ghx12345", "Authorization: [REDACTED]")]
    [InlineData("sent Bearer abc.def-123 upstream", "sent Bearer [REDACTED] upstream")]
    [InlineData("Basic dXNlcjpwYXNz", "Basic [REDACTED]")]
    [InlineData("-----BEGIN PRIVATE KEY-----MIIEvQIBADANBg-----END PRIVATE KEY-----MORE", "[REDACTED:private_key]MORE")]
    [InlineData("AKIAIOSFODNN7EXAMPLEX is not a key", "AKIAIOSFODNN7EXAMPLEX is not a key")]
    public void Known_credential_formats_are_masked(string input, string expected)
        => Assert.Equal(expected, LogText.Clean(input));

    [Theory]
    [InlineData("invalid_credentials")]
    [InlineData("token expired")]
    [InlineData("tokenType=Bearer")]
    [InlineData("user bob@example.com locked after 5 attempts")]
    [InlineData("/api/orders/42?page=2")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36")]
    [InlineData("AKIA is a prefix")]
    [InlineData("password_policy changed")]
    [InlineData("Bearer authentication failed")]
    [InlineData("token validation failed: Bearer error")]
    [InlineData("-----BEGIN CERTIFICATE-----")]
    public void Ordinary_text_is_left_alone(string input) => Assert.Equal(input, LogText.Clean(input));

    [Theory]
    [InlineData("ey")]
    [InlineData("password=")]
    [InlineData("-----BEGIN PRIVATE KEY-----")]
    [InlineData("a:b@")]
    [InlineData("xoxb-1")]
    [InlineData("-a-b")]
    [InlineData("Bearer ")]
    [InlineData("ghp_")]
    [InlineData("://")]
    public void Adversarial_repetitions_are_masked_in_linear_time(string unit)
    {
        var input = string.Concat(Enumerable.Repeat(unit, 1_000_000 / unit.Length));
        var watch = Stopwatch.StartNew();

        CredentialPatterns.Mask(input);

        // A quadratic scan of a million characters takes hours; a linear one takes well under a second on an idle
        // machine. The bound is loose because CI machines are shared.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"{unit}: {watch.Elapsed}");
    }

    [Fact]
    public void Redact_handles_huge_inputs()
    {
        var huge = new string('4', 10_000_000);
        Assert.Equal("[REDACTED]", Redact.CardNumber(huge));
        Assert.Equal("[REDACTED]", Redact.Phone(huge));
        Assert.Equal("[REDACTED]", Redact.Email(huge + "@example.com"));
        Assert.Matches(@"^\[REDACTED:fp=[0-9a-f]{8}\]$", Redact.Token(huge));
        Assert.Matches(@"^\[PII:fp=[0-9a-f]{8}\]$", Redact.Pii(huge));
    }

    [Fact]
    public void A_truncated_value_never_keeps_half_a_credential()
    {
        var value = new string('x', LogText.MaxLength - 10) + " AKIAIOSFODNN7EXAMPLE and more";
        var cleaned = LogText.Clean(value)!;
        Assert.DoesNotContain("AKIA", cleaned, StringComparison.Ordinal);
        Assert.EndsWith("[truncated]", cleaned, StringComparison.Ordinal);
    }
}
