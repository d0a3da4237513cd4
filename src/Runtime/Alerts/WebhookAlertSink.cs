using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace SecureLogging;

/// <summary>
/// Posts each alert as its canonical JSON record to an http(s) endpoint (a chat webhook, an incident tool, a
/// function), from a background task: a bounded queue, retries with exponential backoff and jitter (honouring
/// <c>Retry-After</c>), and counters for what was sent and what was dropped — a full queue or an alert that failed
/// every attempt is counted and warned about, never lost silently.
/// </summary>
public sealed class WebhookAlertSink : ISecurityAlertSink, IAsyncDisposable, IDisposable
{
    private static readonly MediaTypeHeaderValue JsonType = new("application/json") { CharSet = "utf-8" };

    private readonly WebhookAlertSinkOptions _options;
    private readonly Uri _url;
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Channel<SecurityEventRecord> _queue;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _pump;
    private long _delivered;
    private long _dropped;
    private long _failedAttempts;
    private int _disposed;

    /// <summary>Creates the sink and starts its background sender.</summary>
    /// <param name="options">Endpoint, queue and retry settings; <see cref="WebhookAlertSinkOptions.Url"/> is required.</param>
    /// <param name="httpClient">The client to send with (e.g. from <c>IHttpClientFactory</c>); one is created and owned when null.</param>
    /// <param name="timeProvider">The clock for backoff delays; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="logger">Where drops and failures are warned about.</param>
    /// <exception cref="ArgumentException">The options are invalid or have no URL.</exception>
    public WebhookAlertSink(WebhookAlertSinkOptions options, HttpClient? httpClient = null, TimeProvider? timeProvider = null, ILogger<WebhookAlertSink>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        IReadOnlyList<string> errors = options.Validate();
        if (errors.Count > 0 || options.Url is null)
        {
            throw new ArgumentException("Invalid webhook alert options: " + (options.Url is null ? "Alerts:Webhook:Url is required. " : string.Empty) + string.Join(" ", errors), nameof(options));
        }

        _options = options;
        _url = options.Url;
        _ownsHttp = httpClient is null;
        _http = httpClient ?? new HttpClient();
        _time = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _queue = Channel.CreateBounded<SecurityEventRecord>(new BoundedChannelOptions(options.QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait, // with TryWrite this means "refuse", which is counted below
        });
        _pump = Task.Run(PumpAsync);
    }

    /// <summary>Alerts the endpoint accepted (a 2xx answer).</summary>
    public long Delivered => Interlocked.Read(ref _delivered);

    /// <summary>Alerts dropped: queue full, every attempt failed, refused by the endpoint (4xx), or unsent at shutdown.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Attempts that failed (each retry counts).</summary>
    public long FailedAttempts => Interlocked.Read(ref _failedAttempts);

    /// <summary>Queues the alert for sending; never blocks or throws. A full queue drops it and counts the drop.</summary>
    /// <param name="alert">The alert.</param>
    public void OnAlert(SecurityEventRecord alert)
    {
        if (alert is null)
        {
            return;
        }

        if (!_queue.Writer.TryWrite(alert))
        {
            long dropped = Interlocked.Increment(ref _dropped);
            if (IsPowerOfTwo(dropped))
            {
                // Warned at 1, 2, 4, 8… drops so a storm cannot turn into a storm of warnings.
                _logger.LogWarning("SecureLogging alert webhook queue is full ({Capacity}); {Dropped} alert(s) dropped so far, latest {Event}.", _options.QueueCapacity, dropped, alert.Event);
            }
        }
    }

    /// <summary>Stops accepting alerts and waits up to <see cref="WebhookAlertSinkOptions.FlushTimeout"/> for the queue to drain.</summary>
    /// <returns>A task that completes when the sender has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _queue.Writer.TryComplete();
        try
        {
            await _pump.WaitAsync(_options.FlushTimeout, _time).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            await _stopping.CancelAsync().ConfigureAwait(false);
            await _pump.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        _stopping.Dispose();
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    /// <summary>Synchronous <see cref="DisposeAsync"/>.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private async Task PumpAsync()
    {
        CancellationToken stopping = _stopping.Token;
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stopping).ConfigureAwait(false))
            {
                while (_queue.Reader.TryRead(out SecurityEventRecord? alert))
                {
                    await SendAsync(alert, stopping).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Shutdown deadline passed: what is still queued is dropped, and counted.
            int left = 0;
            while (_queue.Reader.TryRead(out _))
            {
                left++;
            }

            if (left > 0)
            {
                Interlocked.Add(ref _dropped, left);
                _logger.LogWarning("SecureLogging alert webhook stopped with {Count} alert(s) unsent.", left);
            }
        }
    }

    private async Task SendAsync(SecurityEventRecord alert, CancellationToken stopping)
    {
        byte[] body = Encoding.UTF8.GetBytes(alert.ToJson());
        TimeSpan backoff = _options.InitialBackoff;
        for (int attempt = 1; ; attempt++)
        {
            TimeSpan? retryAfter = null;
            string failure;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, _url) { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = JsonType;
                foreach (KeyValuePair<string, string> header in _options.Headers)
                {
                    request.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }

                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
                timeout.CancelAfter(_options.RequestTimeout);
                using HttpResponseMessage response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref _delivered);
                    return;
                }

                int status = (int)response.StatusCode;
                failure = "HTTP " + status.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (status >= 400 && status < 500 && status != (int)HttpStatusCode.RequestTimeout && status != (int)HttpStatusCode.TooManyRequests)
                {
                    // The endpoint refuses this request as such (bad URL, auth, payload): retrying cannot help.
                    Interlocked.Increment(ref _failedAttempts);
                    Drop(alert, failure, attempt);
                    return;
                }

                retryAfter = RetryAfter(response);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                Interlocked.Increment(ref _dropped);
                throw;
            }
            catch (Exception ex)
            {
                // Network errors, timeouts, and anything else the handler throws: retried, never fatal to the sender.
                failure = ex is OperationCanceledException ? "timeout" : ex.GetType().Name;
            }

            Interlocked.Increment(ref _failedAttempts);
            if (attempt >= _options.MaxAttempts)
            {
                Drop(alert, failure, attempt);
                return;
            }

            TimeSpan wait = retryAfter is { } hinted && hinted > backoff ? Min(hinted, _options.MaxBackoff) : Jitter(backoff);
            await Task.Delay(wait, _time, stopping).ConfigureAwait(false);
            backoff = Min(backoff + backoff, _options.MaxBackoff);
        }
    }

    private void Drop(SecurityEventRecord alert, string failure, int attempts)
    {
        long dropped = Interlocked.Increment(ref _dropped);
        _logger.LogWarning("SecureLogging alert webhook dropped {Event} after {Attempts} attempt(s): {Failure}. {Dropped} alert(s) dropped so far.", alert.Event, attempts, failure, dropped);
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        RetryConditionHeaderValue? header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            TimeSpan until = date - DateTimeOffset.UtcNow;
            return until > TimeSpan.Zero ? until : null;
        }

        return null;
    }

    // Full jitter between half and the whole backoff, so many instances do not retry in step.
    private static TimeSpan Jitter(TimeSpan backoff) =>
        TimeSpan.FromTicks((long)(backoff.Ticks * (0.5 + (Random.Shared.NextDouble() * 0.5))));

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static bool IsPowerOfTwo(long value) => (value & (value - 1)) == 0;
}
