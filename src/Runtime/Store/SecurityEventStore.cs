using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace SecureLogging;

/// <summary>
/// The tamper-evident store (SPEC §9): an <see cref="ISecurityEventSink"/> that appends every security event to
/// chained JSON Lines files under <see cref="SecureLoggingOptions.StoreDirectory"/>. <see cref="Write"/> only
/// enqueues (bounded; a full queue drops, counts and warns); one background thread serialises, chains, rotates,
/// checkpoints and applies retention. I/O failures are logged once per outage and counted, never thrown.
/// Disposing drains the queue and closes the file with a <c>store.closed</c> record.
/// </summary>
/// <remarks>See docs/storage.md for the file format and docs/security-model.md for what the chain proves.</remarks>
public sealed partial class SecurityEventStore : ISecurityEventSink, IDisposable, IAsyncDisposable
{
    private const int MaxBatch = 1024;
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    private static readonly JsonWriterOptions JsonOptions = new()
    {
        // As SecurityEventRecord.ToJson: non-ASCII stays readable; quotes, backslashes and control characters are escaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    private readonly SecureLoggingOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Channel<SecurityEventRecord>? _queue;
    private readonly StoreWriter? _writer;
    private readonly Thread? _thread;
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly object _flushLock = new();
    private readonly List<(long Target, TaskCompletionSource Done)> _flushWaiters = [];
    private long _accepted;
    private long _processed;
    private long _written;
    private long _droppedQueueFull;
    private long _failedWrites;
    private long _unserializable;
    private long _writeErrors;
    private long _lastDropWarning = long.MinValue;
    private string? _lastError;
    private StoreCheckpoint? _lastCheckpoint;
    private int _disposed;

    /// <summary>Creates the store described by <paramref name="options"/>; inactive when no directory is set.</summary>
    /// <param name="options">The validated options (<see cref="SecureLoggingOptions.StoreDirectory"/> and <see cref="SecureLoggingOptions.ChainKey"/>).</param>
    /// <param name="logger">Receives the store's own warnings and errors (drops, unwritable directory).</param>
    /// <param name="timeProvider">Clock for timestamps, rotation, checkpoints and retention; the system clock by default.</param>
    public SecurityEventStore(IOptions<SecureLoggingOptions> options, ILogger<SecurityEventStore>? logger = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _time = timeProvider ?? TimeProvider.System;
        if (string.IsNullOrWhiteSpace(_options.StoreDirectory) || _options.ChainKey is not { Length: > 0 } key)
        {
            _stopped.SetResult();
            return;
        }

        Directory = Path.GetFullPath(_options.StoreDirectory);
        var store = _options.Store;
        _queue = Channel.CreateBounded<SecurityEventRecord>(new BoundedChannelOptions(store.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
            SingleWriter = false,
        });
        _writer = new StoreWriter(Directory, key, store.Durability, store.MaxFileSize);
        _thread = new Thread(Run) { IsBackground = true, Name = "SecureLogging store writer" };
        _thread.Start();
    }

    /// <summary>True when a store directory is configured.</summary>
    public bool IsEnabled => _queue is not null;

    /// <summary>The full path of the store directory, or null when the store is off.</summary>
    public string? Directory { get; }

    /// <summary>A snapshot of the counters.</summary>
    public SecurityEventStoreStatistics Statistics => new()
    {
        Accepted = Interlocked.Read(ref _accepted),
        Written = Interlocked.Read(ref _written),
        DroppedQueueFull = Interlocked.Read(ref _droppedQueueFull),
        FailedWrites = Interlocked.Read(ref _failedWrites),
        Unserializable = Interlocked.Read(ref _unserializable),
        WriteErrors = Interlocked.Read(ref _writeErrors),
        LastError = Volatile.Read(ref _lastError),
        LastCheckpoint = Volatile.Read(ref _lastCheckpoint),
        ActiveFile = _writer?.FileName,
    };

    /// <summary>Queues <paramref name="record"/> for the store. Never blocks and never throws: a full queue drops and counts it.</summary>
    /// <param name="record">The record.</param>
    public void Write(SecurityEventRecord record)
    {
        if (_queue is null || record is null)
        {
            return;
        }

        if (_queue.Writer.TryWrite(record))
        {
            Interlocked.Increment(ref _accepted);
            return;
        }

        var dropped = Interlocked.Increment(ref _droppedQueueFull);
        StoreMetrics.Dropped(1, "queue_full");
        WarnDropped(dropped);
    }

    /// <summary>Completes when every event accepted before the call has been written (or counted as lost).</summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>A task that completes once the queue has been drained up to this point.</returns>
    public Task FlushAsync(CancellationToken cancellationToken = default)
    {
        var target = Interlocked.Read(ref _accepted);
        lock (_flushLock)
        {
            if (_queue is null || Interlocked.Read(ref _processed) >= target || _stopped.Task.IsCompleted)
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _flushWaiters.Add((target, done));
            return done.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Drains the queue, writes <c>store.closed</c> and closes the file (waits up to 30 s for a stuck disk).</summary>
    public void Dispose()
    {
        if (!BeginDispose())
        {
            return;
        }

        if (!_stopped.Task.Wait(ShutdownTimeout))
        {
            LogShutdownTimeout(_logger, Directory, ShutdownTimeout);
        }
    }

    /// <summary>As <see cref="Dispose"/>, without blocking the calling thread.</summary>
    /// <returns>A task that completes when the store is closed.</returns>
    public async ValueTask DisposeAsync()
    {
        if (!BeginDispose())
        {
            return;
        }

        try
        {
            await _stopped.Task.WaitAsync(ShutdownTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            LogShutdownTimeout(_logger, Directory, ShutdownTimeout);
        }
    }

    private bool BeginDispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0 || _queue is null)
        {
            return false;
        }

        _queue.Writer.TryComplete();
        _wake.Set();
        return true;
    }

    private void WarnDropped(long dropped)
    {
        // One warning at the first drop, then at most one every 10 s: a full queue must not also flood the logs.
        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref _lastDropWarning);
        if ((last == long.MinValue || now - last >= 10_000) && Interlocked.CompareExchange(ref _lastDropWarning, now, last) == last)
        {
            LogDropped(_logger, dropped, _options.Store.QueueCapacity, Directory);
        }
    }

    [LoggerMessage(EventId = 1, EventName = "SecureLoggingStoreDropped", Level = LogLevel.Warning,
        Message = "SecureLogging store: {Dropped} security event(s) dropped so far because the queue ({Capacity} events) was full; the store at {Directory} cannot keep up or is stalled. The count is written into the store as store.dropped; raise SecureLogging:Store:QueueCapacity or use a faster disk.")]
    private static partial void LogDropped(ILogger logger, long dropped, int capacity, string? directory);

    [LoggerMessage(EventId = 2, EventName = "SecureLoggingStoreWriteFailed", Level = LogLevel.Error,
        Message = "SecureLogging store: cannot write to {Directory}: {Error}. Security events are kept in the queue while it is retried (every {RetrySeconds} s at most) and counted as lost when it is full; the application keeps running. Make the directory writable (permissions, free space) or change SecureLogging:StoreDirectory.")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, string? directory, string error, double retrySeconds);

    [LoggerMessage(EventId = 3, EventName = "SecureLoggingStoreRecovered", Level = LogLevel.Information,
        Message = "SecureLogging store: writing to {Directory} again ({File}); {Lost} security event(s) were lost meanwhile and are recorded as store.dropped.")]
    private static partial void LogRecovered(ILogger logger, string? directory, string? file, long lost);

    [LoggerMessage(EventId = 4, EventName = "SecureLoggingStoreShutdownTimeout", Level = LogLevel.Warning,
        Message = "SecureLogging store: {Directory} was not closed within {Timeout}; events still queued may be lost.")]
    private static partial void LogShutdownTimeout(ILogger logger, string? directory, TimeSpan timeout);

    [LoggerMessage(EventId = 5, EventName = "SecureLoggingStoreTornTail", Level = LogLevel.Warning,
        Message = "SecureLogging store: {File} ended with {Bytes} bytes of an incomplete record (the previous writer stopped mid-write); they are left as they are, recorded in the new file's store.opened, and the chain continues.")]
    private static partial void LogTornTail(ILogger logger, string? file, long bytes);

    [LoggerMessage(EventId = 6, EventName = "SecureLoggingStoreRetention", Level = LogLevel.Information,
        Message = "SecureLogging store: deleted {Count} file(s) older than the retention of {Days} days: {Files}.")]
    private static partial void LogRetention(ILogger logger, int count, double days, string files);

    [LoggerMessage(EventId = 7, EventName = "SecureLoggingStoreCallbackFailed", Level = LogLevel.Warning,
        Message = "SecureLogging store: the OnCheckpoint callback threw; the checkpoint is still in the store.")]
    private static partial void LogCallbackFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 8, EventName = "SecureLoggingStoreRetentionFailed", Level = LogLevel.Warning,
        Message = "SecureLogging store: could not delete expired file {File}: {Error}. It is retried at the next sweep.")]
    private static partial void LogRetentionFailed(ILogger logger, string file, string error);
}
