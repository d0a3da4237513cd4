using System.Diagnostics;
using System.Text.Json;

namespace SecureLogging.Tests.SpecLiteral;

/// <summary>SPEC §8 "No field ever holds a secret" and "neutralises CR/LF and control characters in every string".</summary>
public sealed class SafetySpecTests
{
    // Credential formats as gitleaks lists them (test values of the published shapes, not real keys).
    public static TheoryData<string, string> Credentials => new()
    {
        { "jwt", "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4ifQ.XbPfbIHMI6arZ3Y922BhjWgQzWXcXNrz0ogtVhfEd2o" },
        { "aws", "AKIAIOSFODNN7EXAMPLE" },
        { "aws-session", "ASIAY34FZKBOKMUTVV7A" },
        { "github", "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" },
        { "github-oauth", "gho_16C7e42F292c6912E7710c838347Ae178B4a" },
        { "github-pat", "github_pat_11ABCDEFG0aBcDeFgHiJkL_mNoPqRsTuVwXyZ0123456789aBcDeFgHiJkLmNoPqRsTuVwXyZ012345" },
        { "slack-bot", "xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx" },
        { "slack-user", "xoxp-123456789012-123456789012-123456789012-0123456789abcdef0123456789abcdef" },
        { "stripe-live", "sk_live_4eC39HqLyjWDarjtT1zdp7dc" },
        { "stripe-restricted", "rk_live_51H8abcdEFGHijklMNOPqrst" },
        { "google", "AIzaSyDaGmWKa4JsXZ-HjGw7ISLn_3namBGewQe" },
        { "google-oauth-client-secret", "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" },
        { "google-oauth-access-token", "ya29.a0AfH6SMBx3nQ2kLm9pQrStUvWxYz0123456789" },
        { "slack-app", "xapp-1-A0123456789-1234567890123-abcdef0123456789abcdef0123456789abcdef" },
    };

    [Theory]
    [MemberData(nameof(Credentials))]
    public void A_credential_inside_a_longer_string_is_masked_in_every_field(string kind, string credential)
    {
        _ = kind;
        var text = "upstream said (" + credential + ") twice";
        var logger = new CapturingLogger();
        using (SecurityContext.Begin(ipAddress: "10.0.0.1", requestId: "r " + credential, userAgent: "agent " + credential))
        {
            logger.LogSecurityEvent(new SecurityEvent(SecurityEventNames.AuthorizationDenied)
            {
                UserId = "id " + credential,
                UserName = "name " + credential,
                Reason = text,
                Resource = text,
                Action = text,
                TargetUserId = text,
                Role = text,
                Permission = text,
            }.With("detail", text).With("items", new[] { "a", credential }).With("note", new Dictionary<string, object?> { ["x"] = credential }));
        }

        var entry = logger.Single();
        var json = entry.Record.ToJson();
        Assert.DoesNotContain(credential, json, StringComparison.Ordinal);
        Assert.DoesNotContain(credential, entry.Message, StringComparison.Ordinal);
        foreach (var property in entry.Properties)
        {
            Assert.DoesNotContain(credential, property.Value?.ToString() ?? string.Empty, StringComparison.Ordinal);
        }

        Assert.Contains("upstream said (", json, StringComparison.Ordinal);
        Assert.DoesNotContain(credential, entry.Record.ToJson(SecurityEventFormat.Ecs), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gunVTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxKLxoS2tFczGkPLPgizskuemMghRniWaoLcyehkd3qqGElvW/VDL5AaWTg0nLVkjRo9z+40RQzuVaE8AkAFmxZzow3x+VJYKdjykkJ0iT9wCS0DRTXu269V264Vf/3jvredZiKRkgwlL9xNAwxXFg0x/XFw005UWVRIkdgcKWTjpBP2dPwVZ4WWC+9aGVd+Gyn1o0CLelf4rEjGoXbAAEgAqeGUxrcIlbjXfbcmwIDAQABAoIBAQCi\n-----END RSA PRIVATE KEY-----")]
    [InlineData("-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\n-----END PRIVATE KEY-----")]
    [InlineData("-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIBkg4LVWM9nuwNSk3yUXmdTNxBLKFsvkXOt4jrqSwaxzoAoGCCqGSM49\n-----END EC PRIVATE KEY-----")]
    [InlineData("-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n-----END OPENSSH PRIVATE KEY-----")]
    [InlineData("-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIFHDBOBgkqhkiG9w0BBQ0wQTApBgkqhkiG9w0BBQwwHAQIhuW2A5yIXnECAggA\n-----END ENCRYPTED PRIVATE KEY-----")]
    public void A_private_key_block_inside_a_longer_string_is_masked(string block)
    {
        var logger = new CapturingLogger();
        logger.LogConfigurationChanged("admin", "loaded key: " + block + " from vault");

        var json = logger.Single().Record.ToJson();
        var body = block.Split('\n')[1];
        Assert.DoesNotContain(body.Substring(0, 20), json, StringComparison.Ordinal);
        Assert.Contains("from vault", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("private_key: -----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gunVTLw\n-----END RSA PRIVATE KEY----- (rotated)")]
    [InlineData("{\"type\":\"service_account\",\"private_key\":\"-----BEGIN PRIVATE KEY-----\\nMIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gunVTLw\\n-----END PRIVATE KEY-----\\n\"} (rotated)")]
    [InlineData("secret=-----BEGIN OPENSSH PRIVATE KEY----- MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gunVTLw -----END OPENSSH PRIVATE KEY----- (rotated)")]
    public void A_private_key_block_given_as_a_secret_named_value_is_masked_whole(string text)
    {
        var logger = new CapturingLogger();
        logger.LogConfigurationChanged("admin", text);

        var json = logger.Single().Record.ToJson();
        Assert.DoesNotContain("MIIEowIBAAKCAQEAu1SU1", json, StringComparison.Ordinal);
        Assert.Contains("(rotated)", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"password\": \"correct horse battery staple\", \"user\": \"bob\"}", "{\"password\": \"[REDACTED]\", \"user\": \"bob\"}")]
    [InlineData("{\"password\":\"ab\\\"cd ef\",\"user\":\"bob\"}", "{\"password\":\"[REDACTED]\",\"user\":\"bob\"}")]
    [InlineData("login with password='open sesame please' failed", "login with password='[REDACTED]' failed")]
    [InlineData("Authorization: \"Bearer abc def ghi\" rejected", "Authorization: \"[REDACTED]\" rejected")]
    [InlineData("password=\"unterminated value", "password=\"[REDACTED]")]
    public void A_quoted_secret_value_is_masked_to_its_closing_quote(string input, string expected)
        => Assert.Equal(expected, LogText.Clean(input));

    [Theory]
    [InlineData("password")]
    [InlineData("Password")]
    [InlineData("userPassword")]
    [InlineData("confirmPassword")]
    [InlineData("pwd")]
    [InlineData("passphrase")]
    [InlineData("clientSecret")]
    [InlineData("client_secret")]
    [InlineData("secret")]
    [InlineData("apiKey")]
    [InlineData("ApiKey")]
    [InlineData("x-api-key")]
    [InlineData("privateKey")]
    [InlineData("signingKey")]
    [InlineData("encryptionKey")]
    [InlineData("masterKey")]
    [InlineData("accessKey")]
    [InlineData("credential")]
    [InlineData("credentials")]
    [InlineData("connectionString")]
    [InlineData("authorization")]
    [InlineData("authorizationHeader")]
    [InlineData("authHeader")]
    [InlineData("cookie")]
    [InlineData("otp")]
    [InlineData("otpCode")]
    [InlineData("oneTimeCode")]
    [InlineData("oneTimePassword")]
    [InlineData("mfaCode")]
    [InlineData("twoFactorCode")]
    [InlineData("2faCode")]
    [InlineData("verificationCode")]
    [InlineData("recoveryCode")]
    [InlineData("authenticatorCode")]
    [InlineData("pin")]
    [InlineData("pinCode")]
    [InlineData("securityAnswer")]
    [InlineData("passwordHash")]
    [InlineData("securityStamp")]
    [InlineData("cvv")]
    [InlineData("cvc")]
    [InlineData("cvv2")]
    [InlineData("cardSecurityCode")]
    [InlineData("iban")]
    [InlineData("accountNumber")]
    [InlineData("routingNumber")]
    public void Secret_and_card_named_fields_of_a_SecurityEvent_never_hold_the_value(string field)
    {
        const string value = "Zx9-very-private-value-123";
        var logger = new CapturingLogger();
        logger.LogSecurityEvent(new SecurityEvent(SecurityEventNames.AccountUpdated) { UserId = "u1" }.With(field, value));

        var entry = logger.Single();
        Assert.DoesNotContain(value, entry.Record.ToJson(), StringComparison.Ordinal);
        Assert.DoesNotContain(value, entry.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("accessToken")]
    [InlineData("refresh_token")]
    [InlineData("idToken")]
    [InlineData("bearerToken")]
    [InlineData("csrfToken")]
    [InlineData("resetToken")]
    [InlineData("sessionToken")]
    [InlineData("token")]
    public void Token_named_fields_are_redacted(string field)
    {
        const string value = "tok-0123456789-secret";
        var record = SecurityEventRecord.Create(new SecurityEvent(SecurityEventNames.AuthenticationTokenCreated).With(field, value));
        var json = record.ToJson();
        Assert.DoesNotContain(value, json, StringComparison.Ordinal);
        Assert.Contains("[REDACTED", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cardNumber", "4111111111111111")]
    [InlineData("creditCard", "4111 1111 1111 1111")]
    [InlineData("pan", "4111111111111111")]
    public void Card_number_fields_keep_at_most_the_last_four(string field, string value)
    {
        var json = SecurityEventRecord.Create(new SecurityEvent(SecurityEventNames.DataExported).With(field, value)).ToJson();
        Assert.DoesNotContain("411111111111", json, StringComparison.Ordinal);
        Assert.DoesNotContain("4111 1111 1111", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tokenType", "Bearer")]
    [InlineData("apiKeyId", "key_1")]
    [InlineData("secretName", "db-password")]
    [InlineData("passwordLength", "12")]
    [InlineData("passwordPolicy", "strong")]
    [InlineData("nextPageToken", "p-2")]
    [InlineData("keyId", "key_1")]
    public void Excluded_tail_names_keep_their_value(string field, string value)
    {
        var json = SecurityEventRecord.Create(new SecurityEvent(SecurityEventNames.AccountUpdated).With(field, value)).ToJson();
        Assert.Contains("\"" + value + "\"", json, StringComparison.Ordinal);
    }

    public static TheoryData<string> ControlCharacters => new()
    {
        "\r", "\n", "\r\n", "\t", "\0", "\u0001", "\u001B[31m", "\u007F", "\u0085", "\u2028", "\u2029", "\u202E",
    };

    [Theory]
    [MemberData(nameof(ControlCharacters))]
    public void Control_characters_are_neutralised_in_every_string_field(string control)
    {
        var text = "a" + control + "b";
        var logger = new CapturingLogger();
        using (SecurityContext.Begin(ipAddress: text, requestId: text, userAgent: text))
        {
            logger.LogSecurityEvent(new SecurityEvent(SecurityEventNames.AuthorizationDenied)
            {
                UserId = text,
                UserName = text,
                Reason = text,
                Resource = text,
                Action = text,
                TargetUserId = text,
                Role = text,
                Permission = text,
            }.With("detail", text).With("list", new[] { text }).With("map", new Dictionary<string, string> { [text] = text }));
        }

        var entry = logger.Single();
        foreach (var format in new[] { SecurityEventFormat.Canonical, SecurityEventFormat.Ecs })
        {
            using var json = JsonDocument.Parse(entry.Record.ToJson(format));
            AssertNoControl(json.RootElement);
        }

        Assert.DoesNotContain(entry.Message, c => char.IsControl(c) || c is '\u2028' or '\u2029' or '\u202E');
        foreach (var property in entry.Properties)
        {
            if (property.Value is string s)
            {
                Assert.DoesNotContain(s, c => char.IsControl(c) || c is '\u2028' or '\u2029' or '\u202E');
            }
        }
    }

    [Fact]
    public void Control_characters_in_typed_method_arguments_are_neutralised()
    {
        var logger = new CapturingLogger();
        logger.LogLoginFailed("eve\r\n2026-01-01 INFO admin logged in", "x\ny");
        logger.LogRoleGranted("a\n", "b\r", "Admin\u0000");
        logger.LogDataExported("u\n", "set\r\n", 1);
        logger.LogApiKeyCreated("u", "key\n1");

        foreach (var entry in logger.Entries)
        {
            var line = entry.Record.ToJson();
            using var json = JsonDocument.Parse(line);
            AssertNoControl(json.RootElement);
            Assert.DoesNotContain('\n', entry.Message);
            Assert.DoesNotContain('\r', entry.Message);
        }
    }

    [Fact]
    public void Application_event_names_are_neutralised_too()
    {
        var logger = new CapturingLogger();
        logger.LogSecurityEvent(new SecurityEvent("app.thing\r\nhappened"));
        Assert.DoesNotContain('\n', logger.Single().EventId.Name!);
        using var json = JsonDocument.Parse(logger.Single().Record.ToJson());
        AssertNoControl(json.RootElement);
    }

    [Theory]
    [InlineData("eyJ")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.")]
    [InlineData("AKIA")]
    [InlineData("ghp_")]
    [InlineData("xoxb-")]
    [InlineData("sk_live_")]
    [InlineData("AIza")]
    [InlineData("-----BEGIN ")]
    [InlineData("-----BEGIN RSA PRIVATE KEY-----")]
    [InlineData("password=")]
    [InlineData("a\r\n")]
    public void Adversarial_input_is_handled_in_linear_time(string unit)
    {
        var small = string.Concat(Enumerable.Repeat(unit, 20_000 / unit.Length));
        var large = string.Concat(Enumerable.Repeat(unit, 200_000 / unit.Length));

        Measure(small); // warm up
        var smallTime = Measure(small);
        var largeTime = Measure(large);

        // Ten times the input: linear is ~10x; quadratic would be ~100x. Allow generous noise on a loaded machine.
        Assert.True(largeTime < TimeSpan.FromSeconds(2) || largeTime.Ticks < smallTime.Ticks * 40, $"{unit}: {smallTime} for 20k, {largeTime} for 200k");
    }

    private static TimeSpan Measure(string value)
    {
        var watch = Stopwatch.StartNew();
        // Below the record's length bound (4,096 characters) the masker itself is measured.
        _ = LogText.Neutralize(CredentialPatterns.Mask(value));
        return watch.Elapsed;
    }

    private static void AssertNoControl(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Assert.DoesNotContain(property.Name, c => char.IsControl(c));
                    AssertNoControl(property.Value);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    AssertNoControl(item);
                }

                break;
            case JsonValueKind.String:
                var s = element.GetString()!;
                Assert.DoesNotContain(s, c => char.IsControl(c) || c is '\u2028' or '\u2029' or '\u202E');
                break;
        }
    }
}
