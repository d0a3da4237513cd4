using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SecureLogging;

/// <summary>
/// The <see cref="ILoggerProvider"/> <c>AddSecureLogging</c> registers: every logging call that is a security event
/// (a <c>SecurityLog</c> method, <c>LogSecurityEvent</c>, or any call whose <see cref="EventId.Name"/> is a vocabulary
/// name) becomes a <see cref="SecurityEventRecord"/> and goes to every <see cref="ISecurityEventSink"/>; other log
/// calls are ignored. A provider-specific filter rule lets it see every level, so the app's minimum level does not
/// hide security events from the store and forwarders. Disposing it flushes the sinks.
/// </summary>
[ProviderAlias("SecureLogging")]
public sealed class SecureLoggingLoggerProvider : ILoggerProvider
{
    private readonly SecurityEventDispatcher _dispatcher;
    private readonly Logger _logger;
    private readonly string? _invalidOptions;
    private long _droppedForInvalidOptions;

    internal SecureLoggingLoggerProvider(SecurityEventDispatcher dispatcher, IOptions<SecureLoggingOptions> options)
    {
        _dispatcher = dispatcher;
        _logger = new Logger(this);

        try
        {
            if (options.Value.ChainKey is { Length: > 0 } key)
            {
                Redact.UseKey(key);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Validation failures, and binding failures (a Retention or ChainKey that does not parse). The logger
            // factory is built while the host is (before StartAsync), so throwing here would fail
            // HostBuilder.Build() instead of StartAsync, where ValidateOnStart reports the same message. A host
            // never starts with invalid options; an app without a host is told on every channel we have, and the
            // events it logs anyway are counted (DroppedForInvalidOptions), never written with a wrong configuration.
            _invalidOptions = ex.Message;
        }
    }

    /// <summary>Gets how many security events were not recorded because the options failed validation.</summary>
    public long DroppedForInvalidOptions => Interlocked.Read(ref _droppedForInvalidOptions);

    /// <inheritdoc/>
    public ILogger CreateLogger(string categoryName) => _logger;

    /// <summary>Flushes every sink that buffers (the store drains its queue and closes its file).</summary>
    public void Dispose() => _dispatcher.Dispose();

    private void Dispatch(LogLevel logLevel, EventId eventId, object? state)
    {
        if (_invalidOptions is not null)
        {
            if (Interlocked.Increment(ref _droppedForInvalidOptions) == 1)
            {
                var message = "SecureLogging: the options are invalid, so security events are not recorded (each one is counted). " + _invalidOptions;
                Trace.TraceError(message);
                Console.Error.WriteLine(message);
            }

            return;
        }

        if (SecurityEventRecord.TryCreate(logLevel, eventId, state, out var record) && record is not null)
        {
            _dispatcher.Dispatch(record);
        }
    }

    private sealed class Logger(SecureLoggingLoggerProvider provider) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            // Cheap rejection of ordinary log calls before anything is boxed or allocated.
            if (state is not SecurityEventState && SecurityEventNames.Find(eventId.Name ?? string.Empty) is null)
            {
                return;
            }

            try
            {
                provider.Dispatch(logLevel, eventId, state);
            }
            catch (Exception)
            {
                // Logging never throws into the app; TryCreate already turns unreadable state into a record.
            }
        }
    }
}
