namespace SecureLogging;

/// <summary>
/// Receives every security event the SecureLogging pipeline sees (the store, forwarders, detectors, app sinks).
/// Register implementations in DI; <c>AddSecureLogging</c> fans each record out to all of them.
/// </summary>
/// <remarks>
/// <see cref="Write"/> is called on the logging thread: it must never throw and must not block for long
/// (buffer and hand off to a background writer). Sinks that buffer implement <see cref="IDisposable"/> or
/// <see cref="IAsyncDisposable"/> and flush when disposed.
/// </remarks>
public interface ISecurityEventSink
{
    /// <summary>Accepts one record (already redacted and neutralised).</summary>
    /// <param name="record">The record.</param>
    void Write(SecurityEventRecord record);
}
