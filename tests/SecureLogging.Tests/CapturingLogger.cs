using Microsoft.Extensions.Logging;

namespace SecureLogging.Tests;

/// <summary>An ILogger that records every call, and reports itself disabled for every level.</summary>
internal sealed class CapturingLogger : ILogger
{
    public List<Entry> Entries { get; } = [];

    public bool Enabled { get; set; }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => Enabled;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        => Entries.Add(new Entry(logLevel, eventId, state, formatter(state, exception)));

    public Entry Single() => Assert.Single(Entries);

    internal sealed record Entry(LogLevel Level, EventId EventId, object? State, string Message)
    {
        public IReadOnlyList<KeyValuePair<string, object?>> Properties =>
            Assert.IsAssignableFrom<IReadOnlyList<KeyValuePair<string, object?>>>(State);

        public object? this[string key]
        {
            get
            {
                foreach (var property in Properties)
                {
                    if (property.Key == key)
                    {
                        return property.Value;
                    }
                }

                throw new KeyNotFoundException(key);
            }
        }

        public bool Has(string key) => Properties.Any(p => p.Key == key);

        public SecurityEventRecord Record
        {
            get
            {
                Assert.True(SecurityEventRecord.TryCreate(Level, EventId, State, out var record));
                return record!;
            }
        }
    }
}
