using System.Text;
using Microsoft.Extensions.Logging;

namespace SecureLogging.Tests.Forwarding;

public sealed class SyslogMessageTests
{
    private static readonly DateTimeOffset Time = new(2026, 11, 28, 20, 1, 2, 345, TimeSpan.FromHours(2));

    [Fact]
    public void Frame_is_octet_count_space_and_an_rfc5424_message()
    {
        var builder = new SyslogMessage(SyslogFacility.AuthPriv, "web-01", "shop", 4242, utf8Bom: false);
        var frame = builder.Build(Time, LogLevel.Warning, "authentication.failure", 7, null, null, Encoding.UTF8.GetBytes("{\"a\":\"zoë\"}"));

        var text = Encoding.UTF8.GetString(frame);
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        var declared = int.Parse(text[..space], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(frame.Length - space - 1, declared); // counted in octets, not characters (ë is two)
        Assert.Equal("<84>1 2026-11-28T18:01:02.345Z web-01 shop 4242 authentication.failure [meta sequenceId=\"7\"] {\"a\":\"zoë\"}", text[(space + 1)..]);
    }

    [Theory]
    [InlineData(LogLevel.Critical, 2)]
    [InlineData(LogLevel.Error, 3)]
    [InlineData(LogLevel.Warning, 4)]
    [InlineData(LogLevel.Information, 6)]
    [InlineData(LogLevel.Debug, 7)]
    [InlineData(LogLevel.Trace, 7)]
    public void Severity_follows_the_level(LogLevel level, int severity)
    {
        Assert.Equal(severity, SyslogMessage.Severity(level));
        var frame = Encoding.ASCII.GetString(new SyslogMessage(SyslogFacility.Local0, "h", "a", 1, false).Build(Time, level, "m", null, null, null, default));
        Assert.Contains($"<{(16 * 8) + severity}>1 ", frame, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_structured_data_or_message_the_nil_values_are_used()
    {
        var frame = Encoding.ASCII.GetString(new SyslogMessage(SyslogFacility.Auth, null, "", 1, false).Build(Time, LogLevel.Information, null, null, null, null, default));
        Assert.EndsWith("<38>1 2026-11-28T18:01:02.345Z - - 1 - -", frame, StringComparison.Ordinal);
    }

    [Fact]
    public void Header_fields_are_printable_ascii_and_cut_to_their_limits()
    {
        Assert.Equal("my_app__", SyslogMessage.HeaderField("my app\tü", 48));
        Assert.Equal(48, SyslogMessage.HeaderField(new string('a', 100), SyslogMessage.MaxAppNameLength).Length);
        Assert.Equal(255, SyslogMessage.HeaderField(new string('h', 300), SyslogMessage.MaxHostNameLength).Length);
        Assert.Equal("authentication.password_change_f", SyslogMessage.HeaderField("authentication.password_change_failed", SyslogMessage.MaxMsgIdLength));
        Assert.Equal("-", SyslogMessage.HeaderField(null, 10));
    }

    [Fact]
    public void Structured_data_values_escape_quote_backslash_and_bracket()
    {
        var builder = new SyslogMessage(SyslogFacility.AuthPriv, "h", "a", 1, false);
        var frame = Encoding.UTF8.GetString(builder.Build(
            Time,
            LogLevel.Information,
            "e",
            3,
            "securelogging@32473",
            [new("reason", "a\"b\\c]d"), new("skipped", null), new("user", "zoë")],
            Encoding.UTF8.GetBytes("x")));

        Assert.Contains("[meta sequenceId=\"3\"][securelogging@32473 reason=\"a\\\"b\\\\c\\]d\" user=\"zoë\"] x", frame, StringComparison.Ordinal);
    }

    [Fact]
    public void Utf8_bom_precedes_the_message_when_asked_for()
    {
        var frame = new SyslogMessage(SyslogFacility.AuthPriv, "h", "a", 1, utf8Bom: true).Build(Time, LogLevel.Information, "e", null, null, null, "{}"u8);
        var text = Encoding.UTF8.GetString(frame);
        Assert.EndsWith("- \uFEFF{}", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("securelogging@32473", true)]
    [InlineData("x@1.2.3", true)]
    [InlineData("meta", false)]
    [InlineData("a b@1", false)]
    [InlineData("a=b@1", false)]
    [InlineData("a@", false)]
    [InlineData("@1", false)]
    [InlineData("a@b", false)]
    [InlineData("averyveryveryveryverylongname@12345", false)]
    public void Private_sd_ids_are_name_at_enterprise_number(string id, bool valid) =>
        Assert.Equal(valid, SyslogMessage.IsValidPrivateSdId(id));

    [Fact]
    public void Meta_sequence_id_wraps_after_int_max_to_one()
    {
        Assert.Equal(1, SyslogMessage.MetaSequenceId(1));
        Assert.Equal(int.MaxValue, SyslogMessage.MetaSequenceId(int.MaxValue));
        Assert.Equal(1, SyslogMessage.MetaSequenceId((long)int.MaxValue + 1));
    }
}
