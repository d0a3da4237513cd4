using System.Text.Json;
using CsCheck;

namespace SecureLogging.Tests.Redaction;

/// <summary>Properties of <see cref="Redact"/> and of the in-runtime neutralisation, over generated inputs.</summary>
public class RedactPropertyTests
{
    // Any UTF-16 code unit, lone surrogates and control characters included.
    private static readonly Gen<string> AnyText = Gen.Char[(char)0, (char)0xFFFF].Array[0, 80].Select(a => new string(a));

    private static readonly Gen<string> Hostile = Gen.Char["\r\n\t\0\u0085\u2028\u2029\u202E\uD800\uDC00\\\"'{}:=@.- aZ09"].Array[0, 60].Select(a => new string(a));

    private static readonly Gen<string> CardLike = Gen.Char["0123456789 -.x"].Array[0, 30].Select(a => new string(a));

    private static readonly Gen<string> EmailLike = Gen.Char["ab.+_-@éZ 1\r"].Array[0, 30].Select(a => new string(a));

    private static readonly Gen<string> Inputs = Gen.OneOf(AnyText, Hostile, CardLike, EmailLike, Gen.String);

    [Fact]
    public void Redact_never_throws_and_never_returns_null() =>
        Inputs.Sample(value =>
        {
            foreach (var redact in new Func<string?, string>[] { Redact.Secret, Redact.Token, Redact.CardNumber, Redact.Email, Redact.Phone, Redact.Pii })
            {
                Assert.NotNull(redact(value));
            }
        });

    [Fact]
    public void Secret_output_holds_nothing_of_the_input() =>
        Inputs.Sample(value => Redact.Secret(value) == "[REDACTED]");

    [Fact]
    public void Token_and_Pii_are_fixed_shape_fingerprints() =>
        Inputs.Sample(value =>
            System.Text.RegularExpressions.Regex.IsMatch(Redact.Token(value), @"^\[REDACTED:fp=[0-9a-f]{8}\]$")
            && System.Text.RegularExpressions.Regex.IsMatch(Redact.Pii(value), @"^\[PII:fp=[0-9a-f]{8}\]$")
            && Redact.Token(value) == Redact.Token(value));

    [Fact]
    public void CardNumber_output_holds_at_most_the_last_four_digits() =>
        Gen.OneOf(CardLike, AnyText, Gen.Long.Select(l => l.ToString(System.Globalization.CultureInfo.InvariantCulture) + "4321")).Sample(value =>
        {
            var output = Redact.CardNumber(value);
            var outputDigits = new string(output.Where(char.IsDigit).ToArray());
            var inputDigits = new string(value.Where(char.IsAsciiDigit).ToArray());
            return output == "[REDACTED]"
                || (outputDigits.Length == 4 && inputDigits.EndsWith(outputDigits, StringComparison.Ordinal) && output == "************" + outputDigits);
        });

    [Fact]
    public void Phone_output_holds_at_most_the_last_two_digits() =>
        Gen.OneOf(CardLike, AnyText).Sample(value =>
        {
            var output = Redact.Phone(value);
            var outputDigits = new string(output.Where(char.IsDigit).ToArray());
            var inputDigits = new string(value.Where(char.IsAsciiDigit).ToArray());
            return output == "[REDACTED]" || (outputDigits.Length == 2 && inputDigits.EndsWith(outputDigits, StringComparison.Ordinal));
        });

    [Fact]
    public void Email_output_reveals_at_most_the_first_character_and_the_domain() =>
        Gen.OneOf(EmailLike, AnyText).Sample(value =>
        {
            var output = Redact.Email(value);
            if (output == "[REDACTED]")
            {
                return true;
            }

            var trimmed = value.Trim();
            var domain = trimmed.Substring(trimmed.LastIndexOf('@') + 1);
            return (output == "***@" + domain || output == trimmed[0] + "***@" + domain)
                && !output.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || char.IsSurrogate(c));
        });

    [Fact]
    public void Neutralised_values_hold_no_line_break_or_control_character() =>
        Inputs.Sample(value =>
        {
            var logger = new CapturingLogger();
            logger.LogLoginFailed(value, value);
            logger.LogSecurityEvent(new SecurityEvent(SecurityEventNames.AccountUpdated) { UserId = value, IpAddress = value, UserAgent = value, RequestId = value, Resource = value }
                .With("note", value).With(value, value));

            foreach (var entry in logger.Entries)
            {
                Assert.True(IsClean(entry.Message), entry.Message);
                foreach (var property in entry.Properties)
                {
                    Assert.True(IsClean(property.Key), property.Key);
                    if (property.Value is string s)
                    {
                        Assert.True(IsClean(s), s);
                    }
                }

                var json = entry.Record.ToJson();
                Assert.DoesNotContain('\n', json);
                Assert.DoesNotContain('\r', json);
                JsonDocument.Parse(json).Dispose();
                var ecs = entry.Record.ToJson(SecureLogging.SecurityEventFormat.Ecs);
                Assert.DoesNotContain('\n', ecs);
                JsonDocument.Parse(ecs).Dispose();
            }
        });

    private static bool IsClean(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsControl(c) || char.IsSurrogate(c) || c is '\u2028' or '\u2029' || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069'))
            {
                return false;
            }
        }

        return true;
    }
}
