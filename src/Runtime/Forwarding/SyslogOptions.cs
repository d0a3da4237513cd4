namespace SecureLogging;

/// <summary>
/// Settings of the native syslog forwarder (<see cref="SyslogForwarder"/>): RFC 5424 messages over TCP or TLS with
/// RFC 6587 octet-counting framing. Bound from the <c>SecureLogging:Syslog</c> configuration section.
/// </summary>
public sealed class SyslogOptions
{
    /// <summary>The port used for <see cref="SyslogProtocol.Tls"/> when <see cref="Port"/> is 0 (IANA syslog-tls, RFC 5425).</summary>
    public const int DefaultTlsPort = 6514;

    /// <summary>The port used for <see cref="SyslogProtocol.Tcp"/> when <see cref="Port"/> is 0 (the de-facto TCP syslog port).</summary>
    public const int DefaultTcpPort = 514;

    /// <summary>Gets or sets the host name or address of the syslog server or relay. Required.</summary>
    public string? Host { get; set; }

    /// <summary>Gets or sets the server port; 0 (the default) means 6514 for TLS and 514 for TCP.</summary>
    public int Port { get; set; }

    /// <summary>Gets or sets the transport. Defaults to <see cref="SyslogProtocol.Tls"/>.</summary>
    public SyslogProtocol Protocol { get; set; } = SyslogProtocol.Tls;

    /// <summary>Gets or sets what each message carries: the JSON record (default), CEF, or ECS-shaped JSON.</summary>
    public SyslogFormat Format { get; set; } = SyslogFormat.Json;

    /// <summary>Gets or sets the facility of every message. Defaults to <see cref="SyslogFacility.AuthPriv"/>.</summary>
    public SyslogFacility Facility { get; set; } = SyslogFacility.AuthPriv;

    /// <summary>Gets or sets the APP-NAME header field (at most 48 printable ASCII characters; longer names are cut). Defaults to the entry assembly name.</summary>
    public string? AppName { get; set; }

    /// <summary>Gets or sets the HOSTNAME header field (at most 255 printable ASCII characters). Defaults to the machine's host name.</summary>
    public string? HostName { get; set; }

    /// <summary>
    /// Gets or sets how many events may wait for the sender (while the server is slow or unreachable).
    /// Beyond it new events are dropped, counted in <see cref="SyslogForwarder.Dropped"/> and warned about. Defaults to 10,000.
    /// </summary>
    public int BufferCapacity { get; set; } = 10_000;

    /// <summary>
    /// Gets or sets how many of the most recently written messages are sent again after a reconnect, because TCP syslog
    /// has no acknowledgement and the last writes before a broken connection may never have reached the server.
    /// Replayed messages carry the same <c>seq</c>. 0 turns replay off. Defaults to 1,000.
    /// </summary>
    public int ReplayWindow { get; set; } = 1_000;

    /// <summary>
    /// Gets or sets how old a message written on a connection that broke may be and still be replayed. A server
    /// loses what it received in its last moments; older messages were read long ago, and an idle connection closed
    /// by a load balancer should not resend them. Defaults to 1 minute.
    /// </summary>
    public TimeSpan ReplayMaxAge { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Gets or sets the first reconnect delay; it doubles (with ±20% jitter) up to <see cref="MaxBackoff"/>. Defaults to 1 second.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets the longest reconnect delay. Defaults to 1 minute.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Gets or sets how long a TCP connect plus TLS handshake may take. Defaults to 10 seconds.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets or sets how long one write may block (a server that stopped reading) before the connection is dropped and re-made. Defaults to 30 seconds.</summary>
    public TimeSpan WriteTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets how long disposing the forwarder waits for queued events to be sent; what is left after it is counted as dropped. Defaults to 5 seconds.</summary>
    public TimeSpan FlushTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets or sets the shortest interval between two warnings about drops or an unreachable server. Defaults to 30 seconds.</summary>
    public TimeSpan WarningInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets a value indicating whether each message carries the RFC 5424 <c>[meta sequenceId="…"]</c> structured-data element (the forwarder's <c>seq</c>). Defaults to <see langword="true"/>.</summary>
    public bool IncludeSequenceId { get; set; } = true;

    /// <summary>
    /// Gets or sets the SD-ID of an optional structured-data element that repeats the event name, OWASP name, outcome
    /// and user for receivers that index structured data, e.g. <c>securelogging@32473</c> (use your own IANA
    /// enterprise number after the <c>@</c>). <see langword="null"/> (the default) leaves it out.
    /// </summary>
    public string? StructuredDataId { get; set; }

    /// <summary>Gets or sets a value indicating whether the MSG part starts with a UTF-8 byte order mark, as RFC 5424 §6.4 suggests for UTF-8 messages. Off by default because many receivers keep the mark in the text they index.</summary>
    public bool Utf8Bom { get; set; }

    /// <summary>Gets or sets the CEF Device Vendor. Defaults to <c>SecureLogging</c>.</summary>
    public string CefDeviceVendor { get; set; } = "SecureLogging";

    /// <summary>Gets or sets the CEF Device Product. Defaults to <c>SecureLogging</c>.</summary>
    public string CefDeviceProduct { get; set; } = "SecureLogging";

    /// <summary>Gets or sets the CEF Device Version. Defaults to the SecureLogging assembly version.</summary>
    public string? CefDeviceVersion { get; set; }

    /// <summary>Gets or sets the TLS settings used when <see cref="Protocol"/> is <see cref="SyslogProtocol.Tls"/>.</summary>
    public SyslogTlsOptions Tls { get; set; } = new();

    /// <summary>Gets the port actually used: <see cref="Port"/>, or the protocol's default port when it is 0.</summary>
    public int EffectivePort => Port != 0 ? Port : Protocol == SyslogProtocol.Tls ? DefaultTlsPort : DefaultTcpPort;

    /// <summary>Checks the settings and returns one message per problem, each saying what to change; empty when valid.</summary>
    /// <returns>The problems found.</returns>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Host))
        {
            errors.Add("SecureLogging:Syslog:Host is required: set it to the syslog server or relay (e.g. \"siem.example.com\"), or remove the Syslog section to turn forwarding off.");
        }

        if (Port is < 0 or > 65535)
        {
            errors.Add($"SecureLogging:Syslog:Port {Port} is not a TCP port: use 1-65535, or 0 for the protocol default (6514 TLS, 514 TCP).");
        }

        if (!Enum.IsDefined(Protocol))
        {
            errors.Add($"SecureLogging:Syslog:Protocol {(int)Protocol} is unknown: use Tls or Tcp.");
        }

        if (!Enum.IsDefined(Format))
        {
            errors.Add($"SecureLogging:Syslog:Format {(int)Format} is unknown: use Json, Cef or EcsJson.");
        }

        if (!Enum.IsDefined(Facility))
        {
            errors.Add($"SecureLogging:Syslog:Facility {(int)Facility} is not an RFC 5424 facility (0-23): use e.g. AuthPriv, Auth or Local0.");
        }

        if (BufferCapacity < 1)
        {
            errors.Add($"SecureLogging:Syslog:BufferCapacity {BufferCapacity} must be at least 1 (default 10000).");
        }

        if (ReplayWindow < 0)
        {
            errors.Add($"SecureLogging:Syslog:ReplayWindow {ReplayWindow} must be 0 (no replay) or more (default 1000).");
        }

        CheckPositive(errors, nameof(ReplayMaxAge), ReplayMaxAge);
        CheckPositive(errors, nameof(InitialBackoff), InitialBackoff);
        CheckPositive(errors, nameof(MaxBackoff), MaxBackoff);
        CheckPositive(errors, nameof(ConnectTimeout), ConnectTimeout);
        CheckPositive(errors, nameof(WriteTimeout), WriteTimeout);
        CheckPositive(errors, nameof(WarningInterval), WarningInterval);
        if (FlushTimeout < TimeSpan.Zero)
        {
            errors.Add($"SecureLogging:Syslog:FlushTimeout {FlushTimeout} must not be negative.");
        }

        if (MaxBackoff < InitialBackoff)
        {
            errors.Add($"SecureLogging:Syslog:MaxBackoff {MaxBackoff} is shorter than InitialBackoff {InitialBackoff}: raise MaxBackoff or lower InitialBackoff.");
        }

        if (StructuredDataId is not null && !SyslogMessage.IsValidPrivateSdId(StructuredDataId))
        {
            errors.Add($"SecureLogging:Syslog:StructuredDataId \"{StructuredDataId}\" is not an RFC 5424 private SD-ID: use name@enterprise-number (1-32 printable ASCII characters, no '=', ' ', ']' or '\"'), e.g. \"securelogging@32473\".");
        }

        if (Protocol == SyslogProtocol.Tls)
        {
            errors.AddRange(Tls.Validate());
        }

        return errors;
    }

    private static void CheckPositive(List<string> errors, string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add($"SecureLogging:Syslog:{name} {value} must be positive.");
        }
    }
}
