using Microsoft.Extensions.Logging;

namespace SecureLogging.Tests.Forwarding;

public sealed class CefFormatterTests
{
    private static readonly DateTimeOffset Time = new(2026, 11, 28, 20, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Header_escapes_pipe_and_backslash_and_drops_line_breaks()
    {
        Assert.Equal(@"a\|b\\c d e", CefFormatter.EscapeHeader("a|b\\c\rd\ne"));
        var formatter = new CefFormatter("Ven|dor", @"Pro\duct", "1.0");
        var line = formatter.Format(SecurityEventRecord.Create(new SecurityEvent(SecurityEventNames.AuthenticationSuccess), Time), 1);
        Assert.StartsWith(@"CEF:0|Ven\|dor|Pro\\duct|1.0|authentication.success|Authentication success|3|", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Extension_escapes_equals_backslash_and_line_breaks_but_not_pipes()
    {
        Assert.Equal(@"a\=b\\c\rd\ne|f g", CefFormatter.EscapeExtension("a=b\\c\rd\ne|f g"));
    }

    [Fact]
    public void Fixed_fields_map_to_cef_dictionary_keys()
    {
        var record = SecurityEventRecord.Create(
            new SecurityEvent(SecurityEventNames.AuthenticationFailure)
            {
                UserId = "u1",
                UserName = "alice",
                IpAddress = "203.0.113.9",
                RequestId = "r-1",
                UserAgent = "curl/8",
                Reason = "invalid_credentials",
            },
            Time);

        var line = new CefFormatter("SecureLogging", "SecureLogging", "1.2.3").Format(record, 42);

        Assert.Equal(
            "CEF:0|SecureLogging|SecureLogging|1.2.3|authentication.failure|Authentication failure|6|"
            + "rt=1795896000000 cat=authentication outcome=failure externalId=42 suid=u1 suser=alice src=203.0.113.9 "
            + "requestClientApplication=curl/8 reason=invalid_credentials cs1Label=owasp cs1=authn_login_fail cs2Label=request_id cs2=r-1",
            line);
    }

    [Fact]
    public void A_host_name_in_ip_address_goes_to_shost_because_src_must_be_an_address()
    {
        var record = SecurityEventRecord.Create(new SecurityEvent(SecurityEventNames.AuthenticationSuccess) { IpAddress = "proxy.internal" }, Time);
        var line = new CefFormatter("V", "P", "1").Format(record, 1);
        Assert.Contains(" shost=proxy.internal", line, StringComparison.Ordinal);
        Assert.DoesNotContain(" src=", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Event_fields_map_to_destination_keys_and_the_rest_fill_custom_strings_without_loss()
    {
        var record = SecurityEventRecord.Create(
            new SecurityEvent(SecurityEventNames.AccountRoleGranted) { UserId = "admin", TargetUserId = "bob", Role = "auditor" }
                .With("a1", "x").With("a2", "y").With("a3", "z").With("a4", "w").With("a5", "v=1"),
            Time);

        var line = new CefFormatter("V", "P", "1").Format(record, 5);

        Assert.Contains(" duid=bob", line, StringComparison.Ordinal);
        Assert.Contains(" dpriv=auditor", line, StringComparison.Ordinal);
        Assert.Contains(" cs3Label=a1 cs3=x cs4Label=a2 cs4=y cs5Label=a3 cs5=z cs6Label=fields cs6={\"a4\":\"w\",\"a5\":\"v\\=1\"}", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Count_fields_go_to_cnt_when_integers()
    {
        var record = SecurityEventRecord.Create(new SecurityEvent(SecurityEventNames.DataExported).With("dataset", "orders").With("record_count", 1200L), Time);
        var line = new CefFormatter("V", "P", "1").Format(record, 1);
        Assert.Contains(" cnt=1200", line, StringComparison.Ordinal);
        Assert.Contains(" cs3Label=dataset cs3=orders", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(LogLevel.Information, 3)]
    [InlineData(LogLevel.Warning, 6)]
    [InlineData(LogLevel.Error, 8)]
    [InlineData(LogLevel.Critical, 10)]
    public void Severity_is_on_the_zero_to_ten_scale(LogLevel level, int expected) => Assert.Equal(expected, CefFormatter.Severity(level));

    [Fact]
    public void Alerts_are_very_high_severity()
    {
        var line = new CefFormatter("V", "P", "1").Format(SecurityEventRecord.Create(new SecurityEvent(SecurityEventNames.AlertBruteForce), Time), 1);
        Assert.Contains("|alert.brute_force|Alert brute force|10|", line, StringComparison.Ordinal);
    }
}
