using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace SecureLogging.Tests.Alerts;

public sealed class WebhookAlertSinkTests : IDisposable
{
    private readonly LoopbackReceiver _receiver = new();

    public void Dispose() => _receiver.Dispose();

    [Fact]
    public async Task Posts_each_alert_as_its_json_record()
    {
        var options = Options();
        options.Headers["Authorization"] = "Bearer test-hook";
        await using (var sink = new WebhookAlertSink(options))
        {
            sink.OnAlert(Alert("alert.brute_force"));
            sink.OnAlert(Alert("alert.privilege_escalation"));
            await WaitUntilAsync(() => sink.Delivered == 2);
            Assert.Equal(0, sink.Dropped);
        }

        Assert.Equal(2, _receiver.Bodies.Count);
        using var first = JsonDocument.Parse(_receiver.Bodies[0]);
        Assert.Equal("alert.brute_force", first.RootElement.GetProperty("event").GetString());
        Assert.Equal("critical", first.RootElement.GetProperty("level").GetString());
        Assert.Equal("mallory", first.RootElement.GetProperty("user_name").GetString());
        Assert.Equal(12, first.RootElement.GetProperty("failure_count").GetInt64());
        Assert.All(_receiver.ContentTypes, t => Assert.StartsWith("application/json", t, StringComparison.Ordinal));
        Assert.All(_receiver.Authorizations, a => Assert.Equal("Bearer test-hook", a));
    }

    [Fact]
    public async Task Retries_server_errors_with_backoff_then_delivers()
    {
        _receiver.FailFirst(2, HttpStatusCode.ServiceUnavailable);
        await using var sink = new WebhookAlertSink(Options());
        sink.OnAlert(Alert("alert.brute_force"));
        await _receiver.WaitForAsync(3);
        await WaitUntilAsync(() => sink.Delivered == 1);
        Assert.Equal(2, sink.FailedAttempts);
        Assert.Equal(0, sink.Dropped);
    }

    [Fact]
    public async Task Gives_up_after_max_attempts_and_counts_the_drop()
    {
        _receiver.FailFirst(100, HttpStatusCode.InternalServerError);
        var options = Options();
        options.MaxAttempts = 3;
        var logger = new CountingLogger();
        await using var sink = new WebhookAlertSink(options, logger: logger);
        sink.OnAlert(Alert("alert.brute_force"));
        await WaitUntilAsync(() => sink.Dropped == 1);
        Assert.Equal(3, _receiver.Requests);
        Assert.Equal(3, sink.FailedAttempts);
        Assert.Equal(0, sink.Delivered);
        Assert.Contains(logger.Messages, m => m.Contains("dropped alert.brute_force after 3 attempt(s)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_client_error_is_not_retried()
    {
        _receiver.FailFirst(100, HttpStatusCode.Unauthorized);
        await using var sink = new WebhookAlertSink(Options());
        sink.OnAlert(Alert("alert.brute_force"));
        await WaitUntilAsync(() => sink.Dropped == 1);
        Assert.Equal(1, _receiver.Requests);
    }

    [Fact]
    public async Task A_full_queue_drops_and_counts_instead_of_blocking()
    {
        _receiver.Delay = TimeSpan.FromMilliseconds(300);
        var options = Options();
        options.QueueCapacity = 2;
        var logger = new CountingLogger();
        await using var sink = new WebhookAlertSink(options, logger: logger);
        for (int i = 0; i < 20; i++)
        {
            sink.OnAlert(Alert("alert.password_spraying"));
        }

        // At most one in flight plus two queued; the rest were refused at once.
        Assert.InRange(sink.Dropped, 17, 18);
        Assert.Contains(logger.Messages, m => m.Contains("queue is full", StringComparison.Ordinal));
        await WaitUntilAsync(() => sink.Delivered + sink.Dropped == 20);
    }

    [Fact]
    public async Task An_unreachable_endpoint_is_retried_then_dropped_without_throwing()
    {
        int port = LoopbackReceiver.FreePort();
        var options = new WebhookAlertSinkOptions
        {
            Url = new Uri($"http://127.0.0.1:{port}/hook"),
            MaxAttempts = 2,
            InitialBackoff = TimeSpan.FromMilliseconds(10),
            MaxBackoff = TimeSpan.FromMilliseconds(20),
        };
        await using var sink = new WebhookAlertSink(options);
        sink.OnAlert(Alert("alert.brute_force"));
        await WaitUntilAsync(() => sink.Dropped == 1);
        Assert.Equal(2, sink.FailedAttempts);
    }

    [Fact]
    public async Task Dispose_flushes_what_is_queued()
    {
        _receiver.Delay = TimeSpan.FromMilliseconds(20);
        var sink = new WebhookAlertSink(Options());
        for (int i = 0; i < 10; i++)
        {
            sink.OnAlert(Alert("alert.unusual_access"));
        }

        await sink.DisposeAsync();
        Assert.Equal(10, sink.Delivered);
        Assert.Equal(10, _receiver.Bodies.Count);
    }

    [Fact]
    public void Invalid_options_are_rejected_with_the_setting_named()
    {
        var error = Assert.Throws<ArgumentException>(() => new WebhookAlertSink(new WebhookAlertSinkOptions()));
        Assert.Contains("Url is required", error.Message, StringComparison.Ordinal);
        var bad = new WebhookAlertSinkOptions { Url = new Uri("ftp://example.com/"), QueueCapacity = 0 };
        Assert.Equal(2, bad.Validate().Count);
    }

    private WebhookAlertSinkOptions Options() => new()
    {
        Url = _receiver.Url,
        InitialBackoff = TimeSpan.FromMilliseconds(20),
        MaxBackoff = TimeSpan.FromMilliseconds(50),
        FlushTimeout = TimeSpan.FromSeconds(10),
    };

    internal static SecurityEventRecord Alert(string name) =>
        SecurityEventRecord.Create(new SecurityEvent(name) { Level = LogLevel.Critical, Outcome = "failure", UserName = "mallory", IpAddress = "203.0.113.5" }.With("failure_count", 12L));

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for the webhook sink");
            await Task.Delay(10);
        }
    }

    private sealed class CountingLogger : ILogger<WebhookAlertSink>
    {
        public List<string> Messages { get; } = new();

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Messages)
            {
                Messages.Add(formatter(state, exception));
            }
        }
    }
}

/// <summary>A tiny HTTP endpoint on 127.0.0.1 (HttpListener) that records what it receives.</summary>
internal sealed class LoopbackReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private int _failuresLeft;
    private HttpStatusCode _failureStatus = HttpStatusCode.InternalServerError;
    private int _requests;

    public LoopbackReceiver()
    {
        int port = FreePort();
        Url = new Uri($"http://127.0.0.1:{port}/hook/");
        _listener.Prefixes.Add(Url.ToString());
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public Uri Url { get; }

    public TimeSpan Delay { get; set; }

    public List<string> Bodies { get; } = new();

    public List<string> ContentTypes { get; } = new();

    public List<string?> Authorizations { get; } = new();

    public int Requests => Volatile.Read(ref _requests);

    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public void FailFirst(int count, HttpStatusCode status)
    {
        _failuresLeft = count;
        _failureStatus = status;
    }

    public async Task WaitForAsync(int requests)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (Requests < requests)
        {
            Assert.True(DateTime.UtcNow < deadline, $"only {Requests} of {requests} requests arrived");
            await Task.Delay(10);
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The listener throws out of GetContextAsync when stopped.
        }
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (!_listener.IsListening)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            string body = await reader.ReadToEndAsync();
            if (Delay > TimeSpan.Zero)
            {
                await Task.Delay(Delay);
            }

            bool fail = Interlocked.Decrement(ref _failuresLeft) >= 0;
            if (!fail)
            {
                lock (Bodies)
                {
                    Bodies.Add(body);
                    ContentTypes.Add(context.Request.ContentType ?? string.Empty);
                    Authorizations.Add(context.Request.Headers["Authorization"]);
                }
            }

            Interlocked.Increment(ref _requests);
            context.Response.StatusCode = fail ? (int)_failureStatus : 204;
            context.Response.Close();
        }
    }
}
