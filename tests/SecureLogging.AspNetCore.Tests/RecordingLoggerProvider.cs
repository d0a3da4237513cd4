using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SecureLogging.AspNetCore.Tests;

/// <summary>Captures every security event the app writes, as the SecureLogging pipeline would see it.</summary>
internal sealed class RecordingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<SecurityEventRecord> _events = new();

    public IReadOnlyList<SecurityEventRecord> Events => _events.ToArray();

    public ILogger CreateLogger(string categoryName) => new RecordingLogger(this);

    public void Dispose()
    {
    }

    private sealed class RecordingLogger(RecordingLoggerProvider owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (SecurityEventRecord.TryCreate(logLevel, eventId, state, out var record) && record is not null)
            {
                owner._events.Enqueue(record);
            }
        }
    }
}
