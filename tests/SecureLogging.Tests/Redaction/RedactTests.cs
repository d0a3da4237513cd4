namespace SecureLogging.Tests.Redaction;

public class RedactTests
{
    [Fact]
    public void Null_is_rendered_as_null_by_every_method()
    {
        Assert.Equal("[null]", Redact.Secret(null));
        Assert.Equal("[null]", Redact.Token(null));
        Assert.Equal("[null]", Redact.CardNumber(null));
        Assert.Equal("[null]", Redact.Email(null));
        Assert.Equal("[null]", Redact.Phone(null));
        Assert.Equal("[null]", Redact.Pii(null));
    }

    [Theory]
    [InlineData("")]
    [InlineData("hunter2")]
    [InlineData("a much longer secret value with spaces")]
    public void Secret_is_the_same_for_every_input(string value) => Assert.Equal("[REDACTED]", Redact.Secret(value));

    [Fact]
    public void Token_is_a_stable_keyed_fingerprint()
    {
        var a = Redact.Token("tok-abc");
        Assert.Matches(@"^\[REDACTED:fp=[0-9a-f]{8}\]$", a);
        Assert.Equal(a, Redact.Token("tok-abc"));
        Assert.NotEqual(a, Redact.Token("tok-abd"));
        Assert.Matches(@"^\[REDACTED:fp=[0-9a-f]{8}\]$", Redact.Token(string.Empty));
    }

    [Fact]
    public void Pii_is_a_keyed_fingerprint_unrelated_to_the_token_fingerprint()
    {
        var pii = Redact.Pii("Jane Doe");
        Assert.Matches(@"^\[PII:fp=[0-9a-f]{8}\]$", pii);
        Assert.Equal(pii, Redact.Pii("Jane Doe"));
        Assert.NotEqual(pii.Substring(8), Redact.Token("Jane Doe").Substring(13));
    }

    [Theory]
    [InlineData("4111111111111111", "************1111")]
    [InlineData("4111 1111 1111 1234", "************1234")]
    [InlineData("4111-1111-1111-1234", "************1234")]
    [InlineData(" 378282246310005 ", "************0005")]
    [InlineData("4000056655665556123", "************6123")]
    [InlineData("411111111111", "[REDACTED]")]
    [InlineData("41111111111111111111", "[REDACTED]")]
    [InlineData("4111x111111111111", "[REDACTED]")]
    [InlineData("", "[REDACTED]")]
    [InlineData("card 4111111111111111", "[REDACTED]")]
    public void CardNumber_keeps_the_last_four_digits_only(string value, string expected) => Assert.Equal(expected, Redact.CardNumber(value));

    [Theory]
    [InlineData("john@example.com", "j***@example.com")]
    [InlineData("John.Smith+tag@mail.example.co.uk", "J***@mail.example.co.uk")]
    [InlineData("j@example.com", "j***@example.com")]
    [InlineData("_j@example.com", "***@example.com")]
    [InlineData("élodie@exemple.fr", "é***@exemple.fr")]
    [InlineData("not an email", "[REDACTED]")]
    [InlineData("@example.com", "[REDACTED]")]
    [InlineData("john@", "[REDACTED]")]
    [InlineData("john@localhost", "[REDACTED]")]
    [InlineData("john@exa\r\nmple.com", "[REDACTED]")]
    [InlineData("", "[REDACTED]")]
    public void Email_keeps_the_first_letter_and_the_domain(string value, string expected) => Assert.Equal(expected, Redact.Email(value));

    [Theory]
    [InlineData("+1 (555) 123-4567", "********67")]
    [InlineData("0612345678", "********78")]
    [InlineData("123", "[REDACTED]")]
    [InlineData("call me at 0612345678", "[REDACTED]")]
    [InlineData("", "[REDACTED]")]
    public void Phone_keeps_the_last_two_digits(string value, string expected) => Assert.Equal(expected, Redact.Phone(value));
}
