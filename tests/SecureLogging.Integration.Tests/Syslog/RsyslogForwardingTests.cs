using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Xunit.Abstractions;

namespace SecureLogging.Integration.Tests.Syslog;

/// <summary>
/// The syslog forwarder against a real rsyslogd (issue 4, "What it must show"): events over TCP and TLS read back from
/// rsyslog's output file, CEF and ECS payloads, certificate validation, a restart of rsyslog mid-stream with nothing
/// lost within the replay window, and drops beyond the buffer counted.
/// </summary>
[Collection(RsyslogCollection.Name)]
public sealed class RsyslogForwardingTests(RsyslogServer server, ITestOutputHelper output)
{
    private static readonly TimeSpan ReadBackTimeout = TimeSpan.FromSeconds(30);

    [RsyslogFact]
    public async Task Tcp_json_records_all_arrive_and_parse()
    {
        server.Require();
        await SendAndCheckJsonAsync(SyslogProtocol.Tcp, server.TcpPort, _ => { }, count: 500);
    }

    [RsyslogFact]
    public async Task Tls_with_private_ca_json_records_all_arrive_and_parse()
    {
        server.Require();
        await SendAndCheckJsonAsync(SyslogProtocol.Tls, server.TlsPort, o =>
        {
            o.Tls.TrustedCaCertificatePath = server.CaCertificate;
            o.Tls.ServerName = "localhost";
        }, count: 500);
    }

    [RsyslogFact]
    public async Task Tls_with_pinned_server_thumbprint_connects()
    {
        server.Require();
        using var certificate = X509Certificate2.CreateFromPem(File.ReadAllText(server.ServerCertificate));
        var thumbprint = Convert.ToHexString(SHA256.HashData(certificate.RawData));
        await SendAndCheckJsonAsync(SyslogProtocol.Tls, server.TlsPort, o =>
        {
            // 127.0.0.1 is in the certificate's SAN, but a pin needs neither the name nor the CA.
            o.Tls.AllowedServerCertificateThumbprints.Add(thumbprint);
        }, count: 50);
    }

    [RsyslogFact]
    public async Task Tls_server_not_issued_by_the_configured_ca_is_refused_and_nothing_is_sent()
    {
        server.Require();
        var otherCa = Path.Combine(Path.GetTempPath(), "sl-other-ca-" + Guid.NewGuid().ToString("N") + ".pem");
        using (var key = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=Some other CA", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
            using var ca = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
            await File.WriteAllTextAsync(otherCa, ca.ExportCertificatePem());
        }

        try
        {
            var app = NewAppName();
            var logger = new ListLogger<SyslogForwarder>();
            var options = Options(SyslogProtocol.Tls, server.TlsPort, app);
            options.Tls.TrustedCaCertificatePath = otherCa;
            options.Tls.ServerName = "localhost";
            options.FlushTimeout = TimeSpan.FromSeconds(1);
            var forwarder = new SyslogForwarder(options, logger);
            for (var i = 0; i < 20; i++)
            {
                forwarder.Write(TestEvents.Create(i));
            }

            await WaitUntilAsync(() => forwarder.ConnectFailures >= 2, TimeSpan.FromSeconds(20));
            await forwarder.DisposeAsync();

            Assert.True(forwarder.ConnectFailures >= 2, $"connect failures: {forwarder.ConnectFailures}");
            Assert.Equal(0, forwarder.Sent);
            Assert.Equal(20, forwarder.Dropped);
            Assert.Contains(logger.Entries, e => e.Message.Contains("cannot connect", StringComparison.Ordinal));
            Assert.Contains(logger.Entries, e => e.Message.Contains("20 security events unsent", StringComparison.Ordinal));
            Assert.Empty(server.Read(app));
        }
        finally
        {
            File.Delete(otherCa);
        }
    }

    [RsyslogFact]
    public async Task Tls_cef_lines_are_well_formed_and_round_trip()
    {
        server.Require();
        const int count = 200;
        var app = NewAppName();
        var options = Options(SyslogProtocol.Tls, server.TlsPort, app);
        options.Format = SyslogFormat.Cef;
        options.Tls.TrustedCaCertificatePath = server.CaCertificate;
        options.Tls.ServerName = "localhost";
        var sent = await SendAsync(options, count);

        var lines = await server.WaitForAsync(app, l => l.Count >= count, ReadBackTimeout);
        Assert.Equal(count, lines.Count);
        foreach (var line in lines)
        {
            var cef = CefLine.Parse(line.Message);
            var seq = long.Parse(cef.Extension["externalId"], CultureInfo.InvariantCulture);
            var record = sent[(int)seq - 1];
            Assert.Equal("0", cef.Version);
            Assert.Equal("SecureLogging", cef.Vendor);
            Assert.Equal("SecureLogging", cef.Product);
            Assert.Equal(record.Event, cef.SignatureId);
            Assert.InRange(int.Parse(cef.Severity, CultureInfo.InvariantCulture), 0, 10);
            Assert.Equal(record.Reason, cef.Extension["reason"]);
            Assert.Equal(record.UserId, cef.Extension["suid"]);
            Assert.Equal(record.UserName, cef.Extension["suser"]);
            Assert.Equal(record.IpAddress, cef.Extension["src"]);
            Assert.Equal(record.UserAgent, cef.Extension["requestClientApplication"]);
            Assert.Equal(record.Outcome, cef.Extension["outcome"]);
            Assert.Equal(record.Timestamp.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture), cef.Extension["rt"]);
            Assert.Equal(seq.ToString(CultureInfo.InvariantCulture), line.StructuredData["meta"]["sequenceId"]);
        }

        Assert.Equal(Enumerable.Range(1, count).Select(i => (long)i), lines.Select(l => long.Parse(CefLine.Parse(l.Message).Extension["externalId"], CultureInfo.InvariantCulture)).Order());
    }

    [RsyslogFact]
    public async Task Tcp_ecs_json_has_ecs_fields_and_event_sequence()
    {
        server.Require();
        const int count = 100;
        var app = NewAppName();
        var options = Options(SyslogProtocol.Tcp, server.TcpPort, app);
        options.Format = SyslogFormat.EcsJson;
        var sent = await SendAsync(options, count);

        var lines = await server.WaitForAsync(app, l => l.Count >= count, ReadBackTimeout);
        Assert.Equal(count, lines.Count);
        foreach (var line in lines)
        {
            using var json = JsonDocument.Parse(line.Message);
            var root = json.RootElement;
            var seq = root.GetProperty("event.sequence").GetInt64();
            var record = sent[(int)seq - 1];
            Assert.Equal(record.Event, root.GetProperty("event").GetProperty("action").GetString());
            Assert.Equal(record.Outcome, root.GetProperty("event").GetProperty("outcome").GetString());
            Assert.Equal(record.UserId, root.GetProperty("user").GetProperty("id").GetString());
        }
    }

    [RsyslogTheory]
    [InlineData(SyslogProtocol.Tcp)]
    [InlineData(SyslogProtocol.Tls)]
    public async Task Restart_of_rsyslog_mid_stream_loses_nothing_within_the_replay_window(SyslogProtocol protocol)
    {
        server.Require();
        const int count = 3000;
        var app = NewAppName();
        var options = Options(protocol, protocol == SyslogProtocol.Tls ? server.TlsPort : server.TcpPort, app);
        options.Tls.TrustedCaCertificatePath = server.CaCertificate;
        options.Tls.ServerName = "localhost";
        options.ReplayWindow = 2000;
        options.BufferCapacity = 10_000;
        options.InitialBackoff = TimeSpan.FromMilliseconds(100);
        options.MaxBackoff = TimeSpan.FromMilliseconds(500);
        options.FlushTimeout = TimeSpan.FromSeconds(30);
        var logger = new ListLogger<SyslogForwarder>();
        var forwarder = new SyslogForwarder(options, logger);
        var stopwatch = Stopwatch.StartNew();

        // About one event per millisecond; rsyslog is restarted a third of the way in, while events keep coming.
        var writer = Task.Run(async () =>
        {
            for (var i = 0; i < count; i++)
            {
                forwarder.Write(TestEvents.Create(i));
                if (i % 10 == 9)
                {
                    await Task.Delay(10);
                }
            }
        });
        await WaitUntilAsync(() => forwarder.Sent >= count / 3, TimeSpan.FromSeconds(30));
        var restart = Stopwatch.StartNew();
        server.Restart();
        output.WriteLine($"rsyslog restarted in {restart.ElapsedMilliseconds} ms after {forwarder.Sent} events were sent");
        await writer.WaitAsync(TimeSpan.FromSeconds(60));
        await forwarder.DisposeAsync();

        var lines = await server.WaitForAsync(app, l => UniqueSeqs(l).Count >= count, ReadBackTimeout);
        var unique = UniqueSeqs(lines);
        output.WriteLine($"{protocol}: {count} events, {lines.Count} messages received ({lines.Count - unique.Count} duplicates from replay), " +
            $"replayed {forwarder.Replayed}, reconnects {forwarder.Reconnects}, dropped {forwarder.Dropped}, {stopwatch.ElapsedMilliseconds} ms");

        Assert.Equal(0, forwarder.Dropped);
        Assert.True(forwarder.Reconnects >= 1, "the forwarder never noticed the restart");
        Assert.Equal(Enumerable.Range(1, count).Select(i => (long)i), unique.Order());
        foreach (var line in lines)
        {
            using var json = JsonDocument.Parse(line.Message);
            Assert.Equal(json.RootElement.GetProperty("seq").GetInt64().ToString(CultureInfo.InvariantCulture), line.StructuredData["meta"]["sequenceId"]);
        }
    }

    [RsyslogFact]
    public async Task Events_beyond_the_buffer_while_rsyslog_is_down_are_counted_and_warned_about_and_the_rest_arrive()
    {
        server.Require();
        const int capacity = 200;
        const int whileDown = 1000;
        var app = NewAppName();
        var options = Options(SyslogProtocol.Tcp, server.TcpPort, app);
        options.BufferCapacity = capacity;
        options.InitialBackoff = TimeSpan.FromMilliseconds(100);
        options.MaxBackoff = TimeSpan.FromMilliseconds(200);
        options.FlushTimeout = TimeSpan.FromSeconds(30);
        options.WarningInterval = TimeSpan.FromMilliseconds(300);
        var logger = new ListLogger<SyslogForwarder>();
        var forwarder = new SyslogForwarder(options, logger);
        try
        {
            for (var i = 0; i < 10; i++)
            {
                forwarder.Write(TestEvents.Create(i));
            }

            await WaitUntilAsync(() => forwarder.Sent == 10, TimeSpan.FromSeconds(20));
            server.Stop();
            await WaitUntilAsync(() => !forwarder.IsConnected, TimeSpan.FromSeconds(20));
            Assert.False(forwarder.IsConnected);
            for (var i = 10; i < 10 + whileDown; i++)
            {
                forwarder.Write(TestEvents.Create(i));
            }

            // While the server is away the sender takes nothing from the buffer: exactly the excess is dropped.
            Assert.Equal(whileDown - capacity, forwarder.Dropped);
            // Warnings are rate-limited, but together they account for every drop.
            await WaitUntilAsync(() => WarnedDrops(logger) == whileDown - capacity, TimeSpan.FromSeconds(10));
            Assert.Equal(whileDown - capacity, WarnedDrops(logger));
        }
        finally
        {
            server.Start();
        }

        await forwarder.DisposeAsync();
        var lines = await server.WaitForAsync(app, l => UniqueSeqs(l).Count >= 10 + capacity, ReadBackTimeout);
        var unique = UniqueSeqs(lines);

        // Sent before the stop, and the buffer's worth afterwards; every gap in seq is a counted drop.
        Assert.Equal(Enumerable.Range(1, 10 + capacity).Select(i => (long)i), unique.Order());
        Assert.Equal(whileDown - capacity, forwarder.Dropped);
        Assert.Equal(10 + whileDown, unique.Count + forwarder.Dropped);
    }

    private static long WarnedDrops(ListLogger<SyslogForwarder> logger) => logger.Entries
        .Where(e => e.Level == Microsoft.Extensions.Logging.LogLevel.Warning)
        .Select(e => System.Text.RegularExpressions.Regex.Match(e.Message, @"dropped (\d+) security events"))
        .Where(m => m.Success)
        .Sum(m => long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));

    private static HashSet<long> UniqueSeqs(IEnumerable<SyslogLine> lines) =>
        lines.Select(l => long.Parse(l.StructuredData["meta"]["sequenceId"], CultureInfo.InvariantCulture)).ToHashSet();

    private static string NewAppName() => "sltest-" + Guid.NewGuid().ToString("N")[..10];

    private static SyslogOptions Options(SyslogProtocol protocol, int port, string app) => new()
    {
        Host = "127.0.0.1",
        Port = port,
        Protocol = protocol,
        AppName = app,
        HostName = "integration-host",
        Facility = SyslogFacility.AuthPriv,
        FlushTimeout = TimeSpan.FromSeconds(20),
        ConnectTimeout = TimeSpan.FromSeconds(5),
        InitialBackoff = TimeSpan.FromMilliseconds(200),
        MaxBackoff = TimeSpan.FromSeconds(1),
    };

    private static async Task<IReadOnlyList<SecurityEventRecord>> SendAsync(SyslogOptions options, int count)
    {
        var records = Enumerable.Range(0, count).Select(TestEvents.Create).ToList();
        var forwarder = new SyslogForwarder(options);
        foreach (var record in records)
        {
            forwarder.Write(record);
        }

        await forwarder.DisposeAsync();
        Assert.Equal(0, forwarder.Dropped);
        Assert.Equal(count, forwarder.Sent);
        return records;
    }

    private async Task SendAndCheckJsonAsync(SyslogProtocol protocol, int port, Action<SyslogOptions> configure, int count)
    {
        var app = NewAppName();
        var options = Options(protocol, port, app);
        configure(options);
        var stopwatch = Stopwatch.StartNew();
        var sent = await SendAsync(options, count);
        var lines = await server.WaitForAsync(app, l => l.Count >= count, ReadBackTimeout);
        output.WriteLine($"{protocol}: {count} events sent and read back in {stopwatch.ElapsedMilliseconds} ms");

        Assert.Equal(count, lines.Count);
        var seen = new HashSet<long>();
        foreach (var line in lines)
        {
            using var json = JsonDocument.Parse(line.Message);
            var root = json.RootElement;
            var seq = root.GetProperty("seq").GetInt64();
            Assert.True(seen.Add(seq), $"seq {seq} twice");
            var record = sent[(int)seq - 1];
            Assert.Equal(record.Event, root.GetProperty("event").GetString());
            Assert.Equal(record.UserId, root.GetProperty("user_id").GetString());
            Assert.Equal(record.UserName, root.GetProperty("user_name").GetString());
            Assert.Equal(record.Reason, root.GetProperty("reason").GetString());
            Assert.Equal(record.UserAgent, root.GetProperty("user_agent").GetString());
            Assert.Equal(record.Owasp, root.GetProperty("owasp").GetString());

            // Header: facility authpriv (10), severity from the level, MSGID the event name (cut to 32), our host/app.
            Assert.Equal(10, line.Facility);
            Assert.Equal(record.Level switch
            {
                Microsoft.Extensions.Logging.LogLevel.Critical => 2,
                Microsoft.Extensions.Logging.LogLevel.Error => 3,
                Microsoft.Extensions.Logging.LogLevel.Warning => 4,
                _ => 6,
            }, line.Severity);
            Assert.Equal(record.Event.Length > 32 ? record.Event[..32] : record.Event, line.MsgId);
            Assert.Equal("integration-host", line.HostName);
            Assert.Equal(Environment.ProcessId.ToString(CultureInfo.InvariantCulture), line.ProcId);
            Assert.Equal(seq.ToString(CultureInfo.InvariantCulture), line.StructuredData["meta"]["sequenceId"]);
            Assert.True(DateTimeOffset.TryParse(line.Timestamp, CultureInfo.InvariantCulture, DateTimeStyles.None, out var timestamp));
            Assert.Equal(record.Timestamp.ToUnixTimeMilliseconds(), timestamp.ToUnixTimeMilliseconds());
        }

        Assert.Equal(count, seen.Count);
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var stopwatch = Stopwatch.StartNew();
        while (!condition() && stopwatch.Elapsed < timeout)
        {
            await Task.Delay(20);
        }
    }
}
