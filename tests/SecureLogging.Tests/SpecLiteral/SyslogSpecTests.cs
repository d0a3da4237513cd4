using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SecureLogging.Tests.SpecLiteral;

/// <summary>
/// SPEC §9: "RFC 5424 syslog over TCP (RFC 6587 octet counting) … with the JSON record as message", checked by a
/// plain socket reader written from the RFCs, through <c>AddSecureLogging</c>.
/// </summary>
public sealed partial class SyslogSpecTests
{
    [Fact]
    public async Task Events_arrive_as_octet_counted_rfc5424_messages_whose_msg_is_the_json_record()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var frames = ReadFramesAsync(listener, expected: 3);

        var services = new ServiceCollection();
        services.AddSecureLogging(o =>
        {
            o.Alerts.Enabled = false;
            o.Syslog = new SyslogOptions { Host = "127.0.0.1", Port = port, Protocol = SyslogProtocol.Tcp, AppName = "shop" };
        });
        await using (var provider = services.BuildServiceProvider())
        {
            var logger = provider.GetRequiredService<ILogger<SyslogSpecTests>>();
            using (SecurityContext.Begin("203.0.113.5", "req-7", "UA", null))
            {
                logger.LogLoginFailed("bob", "invalid_credentials");
                logger.LogLoginSucceeded("u-1", "alice");
                logger.LogSecurityEvent(new SecurityEvent(SecurityEventNames.AlertBruteForce) { UserName = "bob" });
            }
        }

        var received = await frames.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(3, received.Count);
        var expectedSeverities = new[] { 4, 6, 2 }; // warning, informational, critical (RFC 5424 table 2)
        for (var i = 0; i < received.Count; i++)
        {
            var match = Rfc5424().Match(received[i]);
            Assert.True(match.Success, received[i]);
            var pri = int.Parse(match.Groups["pri"].Value, CultureInfo.InvariantCulture);
            Assert.InRange(pri, 0, 191);
            Assert.Equal(expectedSeverities[i], pri % 8);
            Assert.True(DateTimeOffset.TryParse(match.Groups["ts"].Value, CultureInfo.InvariantCulture, DateTimeStyles.None, out _), match.Groups["ts"].Value);
            Assert.Equal("shop", match.Groups["app"].Value);
            foreach (var header in new[] { "host", "app", "procid", "msgid" })
            {
                var value = match.Groups[header].Value;
                Assert.True(value.Length is > 0 and <= 255 && value.All(c => c is > (char)32 and < (char)127), header + ": " + value);
            }

            using var json = JsonDocument.Parse(match.Groups["msg"].Value.TrimStart('\uFEFF'));
            var root = json.RootElement;
            foreach (var field in new[] { "timestamp", "level", "event", "owasp", "outcome", "user_id", "user_name", "ip_address", "request_id", "user_agent", "reason" })
            {
                Assert.True(root.TryGetProperty(field, out _), field + " missing in " + match.Groups["msg"].Value);
            }

            Assert.Equal("203.0.113.5", root.GetProperty("ip_address").GetString());
        }

        Assert.Contains("\"authentication.failure\"", received[0], StringComparison.Ordinal);
        Assert.Contains("\"authentication.success\"", received[1], StringComparison.Ordinal);
        Assert.Contains("\"alert.brute_force\"", received[2], StringComparison.Ordinal);
    }

    // RFC 5424 §6: PRI VERSION SP TIMESTAMP SP HOSTNAME SP APP-NAME SP PROCID SP MSGID SP STRUCTURED-DATA [SP MSG].
    [GeneratedRegex(@"^<(?<pri>\d{1,3})>1 (?<ts>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})) (?<host>\S+) (?<app>\S+) (?<procid>\S+) (?<msgid>\S+) (?<sd>-|(\[[^\]]*\])+) (?<msg>.*)$", RegexOptions.Singleline)]
    private static partial Regex Rfc5424();

    // RFC 6587 §3.4.1: MSG-LEN SP SYSLOG-MSG, MSG-LEN the octet count of SYSLOG-MSG.
    private static async Task<List<string>> ReadFramesAsync(TcpListener listener, int expected)
    {
        var frames = new List<string>();
        using var client = await listener.AcceptTcpClientAsync();
        var stream = client.GetStream();
        var buffer = new List<byte>();
        var chunk = new byte[4096];
        while (frames.Count < expected)
        {
            var read = await stream.ReadAsync(chunk);
            if (read == 0)
            {
                break;
            }

            buffer.AddRange(chunk.AsSpan(0, read).ToArray());
            while (true)
            {
                var space = buffer.IndexOf((byte)' ');
                if (space < 0)
                {
                    break;
                }

                var lengthText = Encoding.ASCII.GetString(buffer.GetRange(0, space).ToArray());
                Assert.Matches("^[1-9][0-9]*$", lengthText);
                var length = int.Parse(lengthText, CultureInfo.InvariantCulture);
                if (buffer.Count < space + 1 + length)
                {
                    break;
                }

                frames.Add(Encoding.UTF8.GetString(buffer.GetRange(space + 1, length).ToArray()));
                buffer.RemoveRange(0, space + 1 + length);
            }
        }

        return frames;
    }
}
