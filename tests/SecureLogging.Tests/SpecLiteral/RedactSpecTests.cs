using System.Text;

namespace SecureLogging.Tests.SpecLiteral;

/// <summary>SPEC §7 <c>Redact</c>, read sentence by sentence, as an outside grader would.</summary>
public sealed class RedactSpecTests
{
    private static readonly Func<string?, string>[] Methods =
        [Redact.Secret, Redact.Token, Redact.CardNumber, Redact.Email, Redact.Phone, Redact.Pii];

    // The fingerprint key is process-wide: use the key every other test of this assembly configures, so a test
    // building a pipeline in parallel cannot change the key between two fingerprints compared here.
    public RedactSpecTests() => Redact.UseKey(SecureLogging.Tests.Store.StoreTestDirectory.Key);

    public static TheoryData<string> WeirdInputs => new()
    {
        string.Empty,
        " ",
        "\0",
        "\r\n",
        "\uD800",
        "\uDC00abc",
        "a\uD83D",
        "😀😀😀",
        "@",
        "@@@@",
        "-",
        "+",
        "************1234",
        "[REDACTED]",
        new string('9', 10_000),
        new string('@', 100_000),
        string.Concat(Enumerable.Repeat("a@b.", 50_000)),
        "\u202Etxt.exe",
    };

    [Theory]
    [MemberData(nameof(WeirdInputs))]
    public void Every_method_accepts_any_input_without_throwing_and_returns_text(string input)
    {
        foreach (var method in Methods)
        {
            var output = method(input);
            Assert.False(string.IsNullOrEmpty(output));
            Assert.DoesNotContain('\n', output);
            Assert.DoesNotContain('\r', output);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("x")]
    [InlineData("correct horse battery staple")]
    [InlineData("Server=db;Password=p@ss")]
    public void Secret_is_exactly_REDACTED_for_every_non_null_input(string value)
        => Assert.Equal("[REDACTED]", Redact.Secret(value));

    [Fact]
    public void Secret_does_not_reveal_the_length()
        => Assert.Equal(Redact.Secret("a"), Redact.Secret(new string('a', 5000)));

    [Theory]
    [InlineData("")]
    [InlineData("t")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig")]
    [InlineData("refresh-token-0123456789")]
    public void Token_has_the_spec_shape_and_is_stable(string value)
    {
        var first = Redact.Token(value);
        Assert.Matches("^\\[REDACTED:fp=[0-9a-f]{8}\\]$", first);
        Assert.Equal(first, Redact.Token(value));
        Assert.DoesNotContain(value.Length > 0 ? value : "\u0001", first, StringComparison.Ordinal);
    }

    [Fact]
    public void Token_fingerprints_differ_for_different_tokens()
    {
        var fingerprints = Enumerable.Range(0, 50).Select(i => Redact.Token("token-" + i)).ToHashSet();
        Assert.True(fingerprints.Count >= 49, "8 hex digits of an HMAC should almost never collide over 50 inputs");
    }

    [Fact]
    public void Token_is_not_a_plain_hash_of_the_input()
    {
        var value = "tok_123";
        var sha256 = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(value))).ToLowerInvariant();
        var md5 = Convert.ToHexString(System.Security.Cryptography.MD5.HashData(Encoding.UTF8.GetBytes(value))).ToLowerInvariant();
        var fp = Redact.Token(value).Substring("[REDACTED:fp=".Length, 8);
        Assert.False(sha256.StartsWith(fp, StringComparison.Ordinal));
        Assert.False(md5.StartsWith(fp, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("4111111111111111", "************1111")]
    [InlineData("5500 0000 0000 0004", "************0004")]
    [InlineData("5500-0000-0000-0004", "************0004")]
    [InlineData("4222222222222", "************2222")]
    [InlineData("6011000990139424", "************9424")]
    [InlineData("3530111333300000", "************0000")]
    public void CardNumber_keeps_only_the_last_four(string value, string expected)
        => Assert.Equal(expected, Redact.CardNumber(value));

    [Theory]
    [InlineData("1")]
    [InlineData("1234")]
    [InlineData("411111111111")]
    [InlineData("4111 1111 1111")]
    public void CardNumber_under_13_digits_is_REDACTED(string value)
        => Assert.Equal("[REDACTED]", Redact.CardNumber(value));

    [Fact]
    public void CardNumber_with_19_digits_keeps_the_last_four_and_hides_the_rest()
    {
        var masked = Redact.CardNumber("6304 0000 0000 0000 018");
        Assert.EndsWith("0018", masked, StringComparison.Ordinal);
        Assert.Equal(4, masked.Count(char.IsAsciiDigit));
    }

    [Theory]
    [InlineData("john@example.com", "j***@example.com")]
    [InlineData("jane.doe@example.org", "j***@example.org")]
    [InlineData("JOHN@EXAMPLE.COM", "J***@EXAMPLE.COM")]
    [InlineData("j@example.com", "j***@example.com")]
    [InlineData("  john@example.com  ", "j***@example.com")]
    public void Email_keeps_the_first_character_and_the_domain(string value, string expected)
        => Assert.Equal(expected, Redact.Email(value));

    [Theory]
    [InlineData("john.example.com")]
    [InlineData("john")]
    [InlineData("john@")]
    [InlineData("@example.com")]
    public void Email_that_is_not_an_address_reveals_nothing(string value)
    {
        var masked = Redact.Email(value);
        Assert.DoesNotContain("john", masked, StringComparison.Ordinal);
        Assert.DoesNotContain("example", masked, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("+1 (555) 123-4567", "67")]
    [InlineData("+44 20 7946 0958", "58")]
    [InlineData("555.123.4599", "99")]
    [InlineData("06 12 34 56 78", "78")]
    [InlineData("+33612345601", "01")]
    public void Phone_keeps_only_the_last_two_digits(string value, string lastTwo)
    {
        var masked = Redact.Phone(value);
        Assert.EndsWith(lastTwo, masked, StringComparison.Ordinal);
        Assert.Equal(2, masked.Count(char.IsAsciiDigit));
    }

    [Fact]
    public void Phone_mask_does_not_depend_on_the_formatting()
        => Assert.Equal(Redact.Phone("+1 (555) 123-4567"), Redact.Phone("+15551234567"));

    [Theory]
    [InlineData("Jane Doe")]
    [InlineData("")]
    [InlineData("1 Main Street, Springfield")]
    public void Pii_has_the_spec_shape_and_is_stable(string value)
    {
        var first = Redact.Pii(value);
        Assert.Matches("^\\[PII:fp=[0-9a-f]{8}\\]$", first);
        Assert.Equal(first, Redact.Pii(value));
    }

    [Fact]
    public void Pii_distinguishes_values()
        => Assert.NotEqual(Redact.Pii("Jane Doe"), Redact.Pii("John Doe"));

    [Fact]
    public void Null_gives_null_marker_everywhere()
    {
        foreach (var method in Methods)
        {
            Assert.Equal("[null]", method(null));
        }
    }

    [Fact]
    public void Attributes_exist_with_the_spec_shapes()
    {
        var operation = new SecuritySensitiveAttribute("data.export").Operation;
        Assert.Equal("data.export", operation);
        Assert.True(typeof(SensitiveAttribute).IsSubclassOf(typeof(Attribute)));
        Assert.True(typeof(NotSensitiveAttribute).IsSubclassOf(typeof(Attribute)));
        var usage = (AttributeUsageAttribute)Attribute.GetCustomAttribute(typeof(SensitiveAttribute), typeof(AttributeUsageAttribute))!;
        Assert.True(usage.ValidOn.HasFlag(AttributeTargets.Property));
        Assert.True(usage.ValidOn.HasFlag(AttributeTargets.Field));
        Assert.True(usage.ValidOn.HasFlag(AttributeTargets.Parameter));
    }
}
