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

    internal SecureLoggingLoggerProvider(SecurityEventDispatcher dispatcher, IOptions<SecureLoggingOptions> options)
    {
        _dispatcher = dispatcher;
        _logger = new Logger(dispatcher);

        // Reading Value validates the options: an invalid configuration fails here, when logging starts.
        if (options.Value.ChainKey is { Length: >= SecureLoggingOptionsValidator.MinimumChainKeyLength } key)
        {
            Redact.UseKey(key);
        }
    }

    /// <inheritdoc/>
    public ILogger CreateLogger(string categoryName) => _logger;

    /// <summary>Flushes every sink that buffers (the store drains its queue and closes its file).</summary>
    public void Dispose() => _dispatcher.Dispose();

    private sealed class Logger(SecurityEventDispatcher dispatcher) : ILogger
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
                if (SecurityEventRecord.TryCreate(logLevel, eventId, state, out var record) && record is not null)
                {
                    dispatcher.Dispatch(record);
                }
            }
            catch (Exception)
            {
                // Logging never throws into the app; TryCreate already turns unreadable state into a record.
            }
        }
    }
}
