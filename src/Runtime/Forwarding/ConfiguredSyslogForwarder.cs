using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SecureLogging;

/// <summary>
/// The syslog forwarder <c>AddSecureLogging</c> registers: a <see cref="SyslogForwarder"/> built from
/// <see cref="SecureLoggingOptions.Syslog"/>, or nothing when that is not set. Disposed (flushed) with the container.
/// </summary>
internal sealed class ConfiguredSyslogForwarder : ISecurityEventSink, IAsyncDisposable, IDisposable
{
    public ConfiguredSyslogForwarder(IOptions<SecureLoggingOptions> options, ILogger<SyslogForwarder>? logger = null)
    {
        // Options are validated at startup, so an invalid Syslog section never gets here in a host; outside one
        // the constructor's ArgumentException names the problem.
        if (options.Value.Syslog is { } syslog)
        {
            Forwarder = new SyslogForwarder(syslog, logger);
        }
    }

    /// <summary>Gets the forwarder, or null when syslog forwarding is not configured.</summary>
    public SyslogForwarder? Forwarder { get; }

    public void Write(SecurityEventRecord record) => Forwarder?.Write(record);

    public ValueTask DisposeAsync() => Forwarder?.DisposeAsync() ?? ValueTask.CompletedTask;

    public void Dispose() => Forwarder?.Dispose();
}
