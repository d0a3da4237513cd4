using System.Collections.Concurrent;

namespace SecureLogging.Tests.Pipeline;

internal sealed class CollectingSink : ISecurityEventSink, IDisposable
{
    public ConcurrentQueue<SecurityEventRecord> Records { get; } = new();

    public int Disposed { get; private set; }

    public void Write(SecurityEventRecord record) => Records.Enqueue(record);

    public void Dispose() => Disposed++;
}

internal sealed class ThrowingSink : ISecurityEventSink
{
    public void Write(SecurityEventRecord record) => throw new InvalidOperationException("broken sink");
}
