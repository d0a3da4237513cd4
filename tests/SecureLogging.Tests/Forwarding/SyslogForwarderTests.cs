using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace SecureLogging.Tests.Forwarding;

public sealed class SyslogForwarderTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Every_event_arrives_as_one_octet_counted_frame_with_the_json_record_and_seq()
    {
        await using var server = new FakeSyslogServer();
        var forwarder = new SyslogForwarder(Options(server.Port));
        for (var i = 0; i < 300; i++)
        {
            forwarder.Write(Record(i));
        }

        await forwarder.DisposeAsync();
        var messages = await server.WaitForAsync(m => m.Count >= 300, Wait);

        Assert.Empty(server.Errors);
        Assert.Equal(300, messages.Count);
        Assert.Equal(300, forwarder.Sent);
        Assert.Equal(0, forwarder.Dropped);
        for (var i = 0; i < messages.Count; i++)
        {
            var json = JsonDocument.Parse(messages[i][(messages[i].IndexOf('{', StringComparison.Ordinal))..]).RootElement;
            Assert.Equal(i + 1, json.GetProperty("seq").GetInt64());
            Assert.Equal("user-" + i, json.GetProperty("user_id").GetString());
            Assert.Contains($"[meta sequenceId=\"{i + 1}\"]", messages[i], StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task After_the_server_resets_the_connection_the_recent_messages_are_replayed_and_nothing_is_lost()
    {
        await using var server = new FakeSyslogServer { ResetAfterFrames = 150 };
        var options = Options(server.Port);
        options.ReplayWindow = 500;
        var forwarder = new SyslogForwarder(options);
        for (var i = 0; i < 1000; i++)
        {
            forwarder.Write(Record(i));
            if (i % 50 == 49)
            {
                await Task.Delay(5);
            }
        }

        await forwarder.DisposeAsync();
        var messages = await server.WaitForAsync(m => Seqs(m).Count >= 1000, Wait);

        Assert.Equal(Enumerable.Range(1, 1000).Select(i => (long)i), Seqs(messages).Order());
        Assert.True(forwarder.Reconnects >= 1, "no reconnect");
        Assert.True(forwarder.Replayed > 0, "nothing replayed");
        Assert.True(messages.Count > 1000, "replay produces duplicates");
        Assert.Equal(0, forwarder.Dropped);
    }

    [Fact]
    public async Task Replayed_duplicates_are_byte_identical_to_the_first_copy()
    {
        await using var server = new FakeSyslogServer { ResetAfterFrames = 40 };
        var forwarder = new SyslogForwarder(Options(server.Port));
        for (var i = 0; i < 100; i++)
        {
            forwarder.Write(Record(i));
        }

        await forwarder.DisposeAsync();
        var messages = await server.WaitForAsync(m => Seqs(m).Count >= 100, Wait);

        Assert.True(Seqs(messages).Count == 100, $"{Seqs(messages).Count} of 100 arrived in {messages.Count} messages; sent {forwarder.Sent}, replayed {forwarder.Replayed}, reconnects {forwarder.Reconnects}, connections {server.Connections}");
        foreach (var group in messages.GroupBy(m => Seq(m)))
        {
            Assert.Single(group.Distinct());
        }
    }

    [Fact]
    public async Task Events_beyond_the_buffer_are_dropped_counted_and_warned_about_and_write_never_throws()
    {
        var port = UnusedPort();
        var options = Options(port);
        options.BufferCapacity = 100;
        options.FlushTimeout = TimeSpan.FromMilliseconds(300);
        options.WarningInterval = TimeSpan.FromMilliseconds(200);
        var logger = new ListLogger();
        var forwarder = new SyslogForwarder(options, logger);
        for (var i = 0; i < 1000; i++)
        {
            forwarder.Write(Record(i));
        }

        Assert.Equal(900, forwarder.Dropped);
        Assert.Equal(100, forwarder.Enqueued);
        Assert.Equal(1000, forwarder.LastSequence);
        await WaitUntilAsync(() => logger.Messages.Any(m => m.Contains("dropped", StringComparison.Ordinal)));

        await forwarder.DisposeAsync();
        forwarder.Write(Record(1)); // after disposal: counted, not thrown
        forwarder.Write(null!);

        Assert.Equal(1002, forwarder.Dropped);
        Assert.Contains(logger.Messages, m => m.Contains("buffer of 100 events is full", StringComparison.Ordinal));
        Assert.Contains(logger.Messages, m => m.Contains("100 security events unsent", StringComparison.Ordinal));
        Assert.Contains(logger.Messages, m => m.Contains("cannot connect", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Disposal_with_an_unreachable_server_is_bounded_by_the_flush_timeout()
    {
        var options = Options(UnusedPort());
        options.FlushTimeout = TimeSpan.FromMilliseconds(500);
        var forwarder = new SyslogForwarder(options);
        forwarder.Write(Record(0));
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();

        await forwarder.DisposeAsync();

        Assert.InRange(stopwatch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
        Assert.Equal(1, forwarder.Dropped);
        forwarder.Dispose(); // twice is fine
    }

    [Fact]
    public async Task Idle_forwarder_reconnects_and_replays_when_the_server_closes_the_connection()
    {
        await using var server = new FakeSyslogServer { ResetAfterFrames = 5 };
        var forwarder = new SyslogForwarder(Options(server.Port));
        for (var i = 0; i < 5; i++)
        {
            forwarder.Write(Record(i));
        }

        // No further event: the close alone triggers the reconnect and the replay.
        await server.WaitForAsync(m => m.Count >= 10, Wait);
        await WaitUntilAsync(() => forwarder.Replayed >= 5);

        Assert.Equal(2, server.Connections);
        Assert.Equal(5, forwarder.Replayed);
        Assert.Equal(1, forwarder.Reconnects);
        Assert.Equal(Enumerable.Range(1, 5).Select(i => (long)i), server.Messages.Skip(5).Select(Seq));
        await forwarder.DisposeAsync();
    }

    [Fact]
    public async Task Tls_with_a_pinned_certificate_delivers_and_an_unpinned_untrusted_one_is_refused()
    {
        using var certificate = SelfSigned();
        await using var server = new FakeSyslogServer(certificate);

        var pinned = Options(server.Port, SyslogProtocol.Tls);
        pinned.Tls.AllowedServerCertificateThumbprints.Add(Convert.ToHexString(SHA256.HashData(certificate.RawData)).ToLowerInvariant());
        var forwarder = new SyslogForwarder(pinned);
        forwarder.Write(Record(0));
        await forwarder.DisposeAsync();
        Assert.Single(await server.WaitForAsync(m => m.Count >= 1, Wait));

        var untrusted = Options(server.Port, SyslogProtocol.Tls);
        untrusted.FlushTimeout = TimeSpan.FromSeconds(1);
        var refused = new SyslogForwarder(untrusted);
        refused.Write(Record(1));
        await WaitUntilAsync(() => refused.ConnectFailures > 0);
        await refused.DisposeAsync();

        Assert.True(refused.ConnectFailures > 0);
        Assert.Equal(1, refused.Dropped);
        Assert.Single(server.Messages);
    }

    [Fact]
    public async Task Cef_format_sends_cef_lines()
    {
        await using var server = new FakeSyslogServer();
        var options = Options(server.Port);
        options.Format = SyslogFormat.Cef;
        var forwarder = new SyslogForwarder(options);
        forwarder.Write(Record(0));
        await forwarder.DisposeAsync();

        var message = Assert.Single(await server.WaitForAsync(m => m.Count >= 1, Wait));
        Assert.Contains("] CEF:0|SecureLogging|SecureLogging|", message, StringComparison.Ordinal);
        Assert.Contains("externalId=1 ", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_options_are_refused_with_every_problem_named()
    {
        var options = new SyslogOptions { Port = 70000, BufferCapacity = 0, ReplayWindow = -1, StructuredDataId = "no-at-sign", MaxBackoff = TimeSpan.FromMilliseconds(1) };
        options.Tls.AllowedServerCertificateThumbprints.Add("abc");

        var exception = Assert.Throws<ArgumentException>(() => new SyslogForwarder(options));

        foreach (var part in new[] { "Host is required", "Port 70000", "BufferCapacity 0", "ReplayWindow -1", "StructuredDataId", "MaxBackoff", "not a SHA-256 thumbprint" })
        {
            Assert.Contains(part, exception.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Default_port_follows_the_protocol()
    {
        Assert.Equal(6514, new SyslogOptions { Host = "h" }.EffectivePort);
        Assert.Equal(514, new SyslogOptions { Host = "h", Protocol = SyslogProtocol.Tcp }.EffectivePort);
        Assert.Empty(new SyslogOptions { Host = "h" }.Validate());
    }

    internal static SyslogOptions Options(int port, SyslogProtocol protocol = SyslogProtocol.Tcp) => new()
    {
        Host = "127.0.0.1",
        Port = port,
        Protocol = protocol,
        AppName = "unit",
        HostName = "test-host",
        InitialBackoff = TimeSpan.FromMilliseconds(50),
        MaxBackoff = TimeSpan.FromMilliseconds(200),
        ConnectTimeout = TimeSpan.FromSeconds(5),
        FlushTimeout = TimeSpan.FromSeconds(10),
    };

    internal static SecurityEventRecord Record(int i) => SecurityEventRecord.Create(
        new SecurityEvent(i % 2 == 0 ? SecurityEventNames.AuthenticationFailure : SecurityEventNames.AuthorizationDenied)
        {
            UserId = "user-" + i,
            IpAddress = "198.51.100." + (i % 200),
            Reason = "reason \"" + i + "\" ]",
        });

    private static long Seq(string message)
    {
        const string marker = "[meta sequenceId=\"";
        var start = message.IndexOf(marker, StringComparison.Ordinal) + marker.Length;
        return long.Parse(message[start..message.IndexOf('"', start)], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static HashSet<long> Seqs(IEnumerable<string> messages) => messages.Select(Seq).ToHashSet();

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
    }

    private sealed class ListLogger : ILogger
    {
        private readonly List<string> _messages = [];

        public IReadOnlyList<string> Messages
        {
            get
            {
                lock (_messages)
                {
                    return _messages.ToList();
                }
            }
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (_messages)
            {
                _messages.Add(formatter(state, exception));
            }
        }
    }
}
