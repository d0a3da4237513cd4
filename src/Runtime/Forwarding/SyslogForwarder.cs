using System.Buffers;
using System.Diagnostics.Metrics;
using System.Reflection;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace SecureLogging;

/// <summary>
/// Forwards security events to a syslog server as RFC 5424 messages over TCP or TLS (RFC 6587 octet-counting
/// framing); the message is the JSON record, a CEF line or ECS-shaped JSON (<see cref="SyslogOptions.Format"/>).
/// </summary>
/// <remarks>
/// <para><see cref="Write"/> never blocks and never throws: events go to a bounded buffer that a background task
/// sends; a full buffer drops the new event, counts it in <see cref="Dropped"/> and logs a rate-limited warning.</para>
/// <para>Every event gets the next value of a per-instance sequence number, <c>seq</c> (from 1, in the order of
/// <see cref="Write"/> calls; a dropped event uses up its number, so receivers see a gap). It is in the JSON message
/// (<c>"seq"</c>), in CEF as <c>externalId</c>, and in the <c>[meta sequenceId]</c> structured-data element.</para>
/// <para>TCP syslog has no acknowledgement: bytes accepted by the local socket may still be lost when the server
/// goes away. After every reconnect the forwarder therefore first sends again the last
/// <see cref="SyslogOptions.ReplayWindow"/> messages it had written (byte-identical, same <c>seq</c>), then the
/// rest: delivery is at least once for everything within that window; receivers de-duplicate on
/// HOSTNAME + PROCID + <c>seq</c>.</para>
/// <para>Disposing flushes: it waits up to <see cref="SyslogOptions.FlushTimeout"/> for the buffer to drain and the
/// server to close the connection; whatever is still unsent is counted as dropped and warned about.</para>
/// </remarks>
public sealed class SyslogForwarder : ISecurityEventSink, IAsyncDisposable, IDisposable
{
    /// <summary>
    /// The name of the <see cref="Meter"/> that publishes the counters (<c>securelogging.syslog.sent</c>,
    /// <c>.dropped</c>, <c>.replayed</c>, <c>.reconnects</c>, <c>.connect_failures</c>, <c>.pending</c>), tagged with
    /// <c>server.address</c> and <c>server.port</c>: <c>AddMeter("SecureLogging.Syslog")</c> in OpenTelemetry.
    /// </summary>
    public const string MeterName = "SecureLogging.Syslog";

    private const int MaxBatchBytes = 64 * 1024;
    private const int MaxBatchFrames = 512;
    private const int MaxFinalAttempts = 3;

    private static readonly EventId DroppedEventId = new(9101, "SecureLogging.Syslog.EventsDropped");
    private static readonly EventId ConnectFailedEventId = new(9102, "SecureLogging.Syslog.ConnectFailed");
    private static readonly EventId ConnectedEventId = new(9103, "SecureLogging.Syslog.Connected");
    private static readonly EventId FormatFailedEventId = new(9104, "SecureLogging.Syslog.FormatFailed");

    private readonly SyslogOptions _options;
    private readonly string _host;
    private readonly int _port;
    private readonly ILogger _logger;
    private readonly Channel<PendingEvent> _channel;
    private readonly SyslogPayloadFormatter _formatter;
    private readonly SyslogTlsValidation? _tls;
    private readonly Queue<ReplayEntry> _replay = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Timer _warningTimer;
    private readonly Meter _meter;
    private readonly Task _sender;

    private long _seq;
    private long _generation;
    private long _enqueued;
    private long _sent;
    private long _dropped;
    private long _droppedSinceWarning;
    private long _replayed;
    private long _reconnects;
    private long _connectFailures;
    private long _lastDropWarning = long.MinValue;
    private long _lastConnectWarning = long.MinValue;
    private long _unsentAtStop;
    private int _warningScheduled;
    private int _connected;
    private int _disposed;
    private string? _lastError;

    /// <summary>Initializes a new instance of the <see cref="SyslogForwarder"/> class and starts its background sender.</summary>
    /// <param name="options">The settings; they are read once, here.</param>
    /// <param name="logger">Where drops and connection problems are reported (rate-limited); none when null.</param>
    /// <exception cref="ArgumentException">The settings are invalid (the message lists every problem).</exception>
    public SyslogForwarder(SyslogOptions options, ILogger<SyslogForwarder>? logger = null)
        : this(options, (ILogger?)logger)
    {
    }

    internal SyslogForwarder(SyslogOptions options, ILogger? logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid syslog forwarding settings: " + string.Join(" ", errors), nameof(options));
        }

        _options = options;
        _host = options.Host!;
        _port = options.EffectivePort;
        _logger = logger ?? NullLogger.Instance;
        _formatter = new SyslogPayloadFormatter(options, DefaultAppName(), DefaultHostName());
        _tls = options.Protocol == SyslogProtocol.Tls ? new SyslogTlsValidation(options.Tls) : null;
        _channel = Channel.CreateBounded<PendingEvent>(new BoundedChannelOptions(options.BufferCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait, // TryWrite then fails instead of blocking: the drop is ours to count.
            SingleReader = true,
            SingleWriter = false,
        });
        _warningTimer = new Timer(static state => ((SyslogForwarder)state!).OnWarningTimer(), this, Timeout.Infinite, Timeout.Infinite);
        _meter = CreateMeter();
        _sender = Task.Run(RunAsync);
    }

    /// <summary>Gets the number of events accepted into the buffer.</summary>
    public long Enqueued => Interlocked.Read(ref _enqueued);

    /// <summary>Gets the number of events written to a server connection (replays not included).</summary>
    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>Gets the number of events lost: buffer full, written after disposal, unformattable, or still unsent when the flush timed out.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Gets the number of messages sent again after reconnects.</summary>
    public long Replayed => Interlocked.Read(ref _replayed);

    /// <summary>Gets the number of successful reconnects after a lost connection.</summary>
    public long Reconnects => Interlocked.Read(ref _reconnects);

    /// <summary>Gets the number of failed connection attempts.</summary>
    public long ConnectFailures => Interlocked.Read(ref _connectFailures);

    /// <summary>Gets the number of events waiting in the buffer.</summary>
    public int Pending => _channel.Reader.Count;

    /// <summary>Gets a value indicating whether a connection to the server is currently open.</summary>
    public bool IsConnected => Volatile.Read(ref _connected) != 0;

    /// <summary>Gets the sequence number the last accepted or dropped event received (0 before the first).</summary>
    public long LastSequence => Interlocked.Read(ref _seq);

    /// <summary>Gets the last connection or write error, or null.</summary>
    public string? LastError => Volatile.Read(ref _lastError);

    /// <summary>Queues <paramref name="record"/> for sending. Never blocks and never throws; a full buffer drops the event (counted and warned about).</summary>
    /// <param name="record">The event.</param>
    public void Write(SecurityEventRecord record)
    {
        var seq = Interlocked.Increment(ref _seq);
        if (record is null || Volatile.Read(ref _disposed) != 0 || !_channel.Writer.TryWrite(new PendingEvent(seq, record)))
        {
            CountDrop(1);
            return;
        }

        Interlocked.Increment(ref _enqueued);
    }

    /// <summary>Stops accepting events, sends what is buffered (up to <see cref="SyslogOptions.FlushTimeout"/>) and closes the connection.</summary>
    /// <returns>A task that completes when the forwarder has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _channel.Writer.TryComplete();
        var flushed = await Task.WhenAny(_sender, Task.Delay(_options.FlushTimeout)).ConfigureAwait(false) == _sender;
        if (!flushed)
        {
            _stop.Cancel();
        }

        await _sender.ConfigureAwait(false);
        await _warningTimer.DisposeAsync().ConfigureAwait(false);
        _meter.Dispose();
        WarnDrops();
        var unsent = Interlocked.Read(ref _unsentAtStop);
        if (unsent > 0)
        {
            SafeLog(LogLevel.Warning, DroppedEventId, null, "The SecureLogging syslog forwarder to {Host}:{Port} stopped with {Count} security events unsent ({Total} dropped in total); the server is {State}.", _host, _port, unsent, Dropped, ServerState());
        }
        _tls?.Dispose();
        _stop.Dispose();
    }

    /// <summary>Same as <see cref="DisposeAsync"/>, blocking.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private Meter CreateMeter()
    {
        var meter = new Meter(MeterName);
        KeyValuePair<string, object?>[] tags = [new("server.address", _host), new("server.port", _port)];
        meter.CreateObservableCounter("securelogging.syslog.sent", () => new Measurement<long>(Sent, tags), "{event}", "Security events written to the syslog server (replays not included).");
        meter.CreateObservableCounter("securelogging.syslog.dropped", () => new Measurement<long>(Dropped, tags), "{event}", "Security events lost: buffer full, after disposal, unformattable, or unsent when the flush timed out.");
        meter.CreateObservableCounter("securelogging.syslog.replayed", () => new Measurement<long>(Replayed, tags), "{event}", "Messages sent again after reconnects.");
        meter.CreateObservableCounter("securelogging.syslog.reconnects", () => new Measurement<long>(Reconnects, tags), "{connection}", "Reconnects after a lost connection.");
        meter.CreateObservableCounter("securelogging.syslog.connect_failures", () => new Measurement<long>(ConnectFailures, tags), "{attempt}", "Failed connection attempts.");
        meter.CreateObservableUpDownCounter("securelogging.syslog.pending", () => new Measurement<int>(Pending, tags), "{event}", "Security events waiting in the buffer.");
        return meter;
    }

    private static string DefaultAppName() => Assembly.GetEntryAssembly()?.GetName().Name ?? "SecureLogging";

    private static string DefaultHostName()
    {
        try
        {
            return System.Net.Dns.GetHostName();
        }
        catch (System.Net.Sockets.SocketException)
        {
            return Environment.MachineName;
        }
    }

    private async Task RunAsync()
    {
        var cancellationToken = _stop.Token;
        var batch = new List<byte[]>();
        SyslogConnection? connection = null;
        Task<bool>? waitForEvents = null;
        var lostConnection = false;
        var finalAttempts = 0;
        try
        {
            while (true)
            {
                if (connection is not null && connection.IsClosed)
                {
                    MarkForReplay(connection.Generation);
                    await DropConnectionAsync(connection).ConfigureAwait(false);
                    connection = null;
                    lostConnection = true;
                }

                // Connect before taking events out of the buffer, so that while the server is away the buffer
                // holds exactly BufferCapacity events and everything beyond is a counted drop.
                if (connection is null && (batch.Count > 0 || lostConnection || _channel.Reader.Count > 0))
                {
                    connection = await ConnectWithBackoffAsync(cancellationToken).ConfigureAwait(false);
                    if (lostConnection)
                    {
                        Interlocked.Increment(ref _reconnects);
                        lostConnection = false;
                    }

                    if (!await ReplayAsync(connection, cancellationToken).ConfigureAwait(false))
                    {
                        continue;
                    }
                }

                if (batch.Count == 0 && !TakeBatch(batch))
                {
                    waitForEvents ??= _channel.Reader.WaitToReadAsync(cancellationToken).AsTask();
                    if (connection is not null)
                    {
                        // Wake up for new events, or for a server that went away: reconnect and replay at once
                        // rather than when the next event happens to come.
                        await Task.WhenAny(waitForEvents, connection.Closed).ConfigureAwait(false);
                    }
                    else
                    {
                        await waitForEvents.ConfigureAwait(false);
                    }

                    if (waitForEvents.IsCompleted)
                    {
                        var more = await waitForEvents.ConfigureAwait(false);
                        waitForEvents = null;
                        if (!more)
                        {
                            // Disposing: everything is written. Make sure the server got it: a connection that is
                            // gone, or is reset instead of closed after our end of stream, is made again and the
                            // last writes replayed (a few times at most, within the flush timeout).
                            if (connection is not null
                                && finalAttempts++ < MaxFinalAttempts
                                && (connection.IsClosed || await connection.CloseGracefullyAsync(_options.FlushTimeout).ConfigureAwait(false) == CloseResult.Lost))
                            {
                                continue;
                            }

                            break;
                        }
                    }

                    continue;
                }

                if (connection is null)
                {
                    continue;
                }

                if (await TryWriteAsync(connection, batch, cancellationToken).ConfigureAwait(false))
                {
                    Interlocked.Add(ref _sent, batch.Count);
                    Remember(batch, connection.Generation);
                    batch.Clear();
                }
            }

        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Flush timed out during disposal.
        }
        catch (Exception ex)
        {
            // A bug here must not take the host down; everything unsent is counted below.
            Volatile.Write(ref _lastError, ex.Message);
            SafeLog(LogLevel.Error, DroppedEventId, ex, "The SecureLogging syslog forwarder to {Host}:{Port} stopped unexpectedly; security events are no longer forwarded.", _host, _port);
        }
        finally
        {
            if (connection is not null)
            {
                await DropConnectionAsync(connection).ConfigureAwait(false);
            }

            var unsent = batch.Count;
            while (_channel.Reader.TryRead(out _))
            {
                unsent++;
            }

            if (unsent > 0)
            {
                Interlocked.Add(ref _dropped, unsent);
                Volatile.Write(ref _unsentAtStop, unsent);
            }
        }
    }

    private bool TakeBatch(List<byte[]> batch)
    {
        var bytes = 0;
        while (batch.Count < MaxBatchFrames && bytes < MaxBatchBytes && _channel.Reader.TryRead(out var pending))
        {
            byte[] frame;
            try
            {
                frame = _formatter.Frame(pending.Record, pending.Seq);
            }
            catch (Exception ex)
            {
                // A record that cannot be rendered must not stop the others.
                CountDrop(1);
                SafeLog(LogLevel.Warning, FormatFailedEventId, ex, "The SecureLogging syslog forwarder could not format security event {Seq} ({Event}); it was dropped.", pending.Seq, pending.Record.Event);
                continue;
            }

            batch.Add(frame);
            bytes += frame.Length;
        }

        return batch.Count > 0;
    }

    private async Task<bool> TryWriteAsync(SyslogConnection connection, IReadOnlyList<byte[]> frames, CancellationToken cancellationToken)
    {
        var total = 0;
        foreach (var frame in frames)
        {
            total += frame.Length;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(total);
        try
        {
            var offset = 0;
            foreach (var frame in frames)
            {
                frame.CopyTo(buffer, offset);
                offset += frame.Length;
            }

            await connection.WriteAsync(buffer.AsMemory(0, total), _options.WriteTimeout, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            Volatile.Write(ref _lastError, ex.Message);
            Volatile.Write(ref _connected, 0);
            return false;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Marks what went over a connection that broke, recently enough to have been lost with it, for sending again.</summary>
    private void MarkForReplay(long brokenGeneration)
    {
        // A server loses what it received in its last moments; older frames were read long ago (and an idle
        // connection closed by a load balancer must not cause a replay).
        var now = Environment.TickCount64;
        var maxAge = (long)_options.ReplayMaxAge.TotalMilliseconds;
        foreach (var entry in _replay)
        {
            if (entry.Generation == brokenGeneration && now - entry.WrittenAt <= maxAge)
            {
                entry.NeedsReplay = true;
            }
        }
    }

    private async Task<bool> ReplayAsync(SyslogConnection connection, CancellationToken cancellationToken)
    {
        var entries = _replay.Where(e => e.NeedsReplay).ToList();
        var chunk = new List<byte[]>();
        var bytes = 0;
        var first = 0;
        for (var i = 0; i < entries.Count; i++)
        {
            chunk.Add(entries[i].Frame);
            bytes += entries[i].Frame.Length;
            if (bytes < MaxBatchBytes && i < entries.Count - 1)
            {
                continue;
            }

            if (!await TryWriteAsync(connection, chunk, cancellationToken).ConfigureAwait(false))
            {
                // The rest stays marked; what was written on this connection is marked again when its loss is handled.
                return false;
            }

            var written = Environment.TickCount64;
            for (var j = first; j <= i; j++)
            {
                entries[j].NeedsReplay = false;
                entries[j].Generation = connection.Generation;
                entries[j].WrittenAt = written;
            }

            Interlocked.Add(ref _replayed, i - first + 1);
            first = i + 1;
            chunk.Clear();
            bytes = 0;
        }

        return true;
    }

    private void Remember(List<byte[]> frames, long generation)
    {
        var window = _options.ReplayWindow;
        if (window == 0)
        {
            return;
        }

        var now = Environment.TickCount64;
        foreach (var frame in frames)
        {
            _replay.Enqueue(new ReplayEntry(frame, generation, now));
        }

        while (_replay.Count > window)
        {
            _replay.Dequeue();
        }
    }

    private async Task<SyslogConnection> ConnectWithBackoffAsync(CancellationToken cancellationToken)
    {
        var delay = _options.InitialBackoff;
        while (true)
        {
            try
            {
                var connection = await SyslogConnection.OpenAsync(_host, _port, _tls, _options.ConnectTimeout, Interlocked.Increment(ref _generation), cancellationToken).ConfigureAwait(false);
                Volatile.Write(ref _connected, 1);
                if (Interlocked.Exchange(ref _lastConnectWarning, long.MinValue) != long.MinValue)
                {
                    SafeLog(LogLevel.Information, ConnectedEventId, null, "The SecureLogging syslog forwarder is connected to {Host}:{Port} again.", _host, _port);
                }

                return connection;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                Interlocked.Increment(ref _connectFailures);
                Volatile.Write(ref _lastError, ex.Message);
                if (Due(ref _lastConnectWarning))
                {
                    SafeLog(LogLevel.Warning, ConnectFailedEventId, null, "The SecureLogging syslog forwarder cannot connect to {Host}:{Port} ({Error}); retrying in {Delay} s, {Pending} security events are waiting.", _host, _port, ex.Message, Math.Round(delay.TotalSeconds, 1), _channel.Reader.Count);
                }
            }

            await Task.Delay(Jitter(delay), cancellationToken).ConfigureAwait(false);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxBackoff.Ticks));
        }
    }

    private static TimeSpan Jitter(TimeSpan delay) => TimeSpan.FromTicks((long)(delay.Ticks * (0.8 + (Random.Shared.NextDouble() * 0.4))));

    private async Task DropConnectionAsync(SyslogConnection connection)
    {
        Volatile.Write(ref _connected, 0);
        try
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException or ObjectDisposedException or InvalidOperationException or OperationCanceledException)
        {
            // Closing a broken connection may fail; it is gone either way.
        }
    }

    private void CountDrop(long count)
    {
        Interlocked.Add(ref _dropped, count);
        Interlocked.Add(ref _droppedSinceWarning, count);
        if (Due(ref _lastDropWarning))
        {
            // Log off the caller's thread: Write may be running inside a logging call.
            ThreadPool.UnsafeQueueUserWorkItem(static state => state.WarnDrops(), this, preferLocal: false);
        }
        else if (Interlocked.Exchange(ref _warningScheduled, 1) == 0)
        {
            // Drops inside the quiet interval are reported when it ends, so none goes unmentioned.
            try
            {
                _warningTimer.Change(_options.WarningInterval, Timeout.InfiniteTimeSpan);
            }
            catch (ObjectDisposedException)
            {
                Volatile.Write(ref _warningScheduled, 0);
            }
        }
    }

    private void OnWarningTimer()
    {
        Volatile.Write(ref _warningScheduled, 0);
        Volatile.Write(ref _lastDropWarning, Environment.TickCount64);
        WarnDrops();
    }

    private void WarnDrops()
    {
        var count = Interlocked.Exchange(ref _droppedSinceWarning, 0);
        if (count > 0)
        {
            SafeLog(LogLevel.Warning, DroppedEventId, null, "The SecureLogging syslog forwarder dropped {Count} security events ({Total} in total): its buffer of {Capacity} events is full; the server {Host}:{Port} is {State}.", count, Dropped, _options.BufferCapacity, _host, _port, ServerState());
        }
    }

    private string ServerState() => IsConnected ? "connected" : "not connected (" + (LastError ?? "no attempt yet") + ")";

    private bool Due(ref long lastWarning)
    {
        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref lastWarning);
        if (last != long.MinValue && now - last < (long)_options.WarningInterval.TotalMilliseconds)
        {
            return false;
        }

        return Interlocked.CompareExchange(ref lastWarning, now, last) == last;
    }

    private void SafeLog(LogLevel level, EventId eventId, Exception? exception, string message, params object?[] args)
    {
        try
        {
#pragma warning disable CA2254 // The templates are constants of this class.
            _logger.Log(level, eventId, exception, message, args);
#pragma warning restore CA2254
        }
        catch (Exception ex) when (ex is ObjectDisposedException or InvalidOperationException)
        {
            // The host's logging is already shut down; the counters still tell.
        }
    }

    private readonly record struct PendingEvent(long Seq, SecurityEventRecord Record);

    private sealed class ReplayEntry(byte[] frame, long generation, long writtenAt)
    {
        public byte[] Frame { get; } = frame;

        public long Generation { get; set; } = generation;

        public long WrittenAt { get; set; } = writtenAt;

        public bool NeedsReplay { get; set; }
    }
}
