using Microsoft.Extensions.Logging;

namespace SecureLogging.Tests.Alerts;

/// <summary>An ILogger that turns security events into records (as the pipeline does) and hands them to a sink.</summary>
internal sealed class RecordingLogger : ILogger
{
    private readonly ISecurityEventSink _sink;

    public RecordingLogger(ISecurityEventSink sink) => _sink = sink;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (SecurityEventRecord.TryCreate(logLevel, eventId, state, out SecurityEventRecord? record) && record is not null)
        {
            _sink.Write(record);
        }
    }
}

internal sealed class CollectingAlertSink : ISecurityAlertSink
{
    public List<SecurityEventRecord> Alerts { get; } = new();

    public void OnAlert(SecurityEventRecord alert)
    {
        lock (Alerts)
        {
            Alerts.Add(alert);
        }
    }
}
