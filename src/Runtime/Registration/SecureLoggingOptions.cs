namespace SecureLogging;

/// <summary>
/// Options of the SecureLogging pipeline, bound from the <c>"SecureLogging"</c> configuration section and validated
/// at startup (see <see cref="SecureLoggingOptionsValidator"/>).
/// </summary>
/// <example>
/// <code>
/// builder.Logging.AddSecureLogging(o =>
/// {
///     o.Retention = SecureLoggingRetention.PciDss;
///     o.StoreDirectory = "/var/log/myapp/security";
///     o.ChainKey = Convert.FromBase64String(builder.Configuration["SecureLogging:ChainKey"]!);
/// });
/// </code>
/// </example>
public sealed class SecureLoggingOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "SecureLogging";

    /// <summary>
    /// How long security events are kept: between 90 days and 7 years inclusive (see
    /// <see cref="SecureLoggingRetention"/> for the PCI DSS, HIPAA and SOX presets). The store deletes whole files
    /// whose newest record is older than this. Defaults to <see cref="SecureLoggingRetention.PciDss"/>.
    /// </summary>
    public TimeSpan Retention { get; set; } = SecureLoggingRetention.PciDss;

    /// <summary>
    /// Directory of the tamper-evident store: when set, every security event is appended to chained JSON Lines files
    /// there (nothing else is written under it). Requires <see cref="ChainKey"/>. Use one directory per process.
    /// </summary>
    public string? StoreDirectory { get; set; }

    /// <summary>
    /// HMAC-SHA256 key (32 random bytes recommended; any non-empty key is accepted, a shorter one with a startup warning) for the store's chain and for the keyed fingerprints of
    /// <c>Redact.Token</c> and <c>Redact.Pii</c>. Base64 in configuration. <c>securelog verify --key-file</c> takes
    /// the same bytes. Keep it in a secret store, never next to the logs (see docs/security-model.md).
    /// </summary>
    public byte[]? ChainKey { get; set; }

    /// <summary>Settings of the tamper-evident store: durability, file size, queue, checkpoints.</summary>
    public SecureLoggingStoreOptions Store { get; set; } = new();

    /// <summary>
    /// The in-process detectors (brute force, password spraying, credential stuffing, distributed brute force,
    /// privilege escalation, unusual access), on by default, and the alert webhook. See docs/detection/README.md.
    /// </summary>
    public SecureLoggingAlertOptions Alerts { get; set; } = new();

    /// <summary>
    /// Native syslog forwarding (RFC 5424 over TLS or TCP, JSON, CEF or ECS JSON; see docs/forwarding.md): on when
    /// set (in code, or by a <c>SecureLogging:Syslog</c> configuration section), off when <see langword="null"/>.
    /// </summary>
    public SyslogOptions? Syslog { get; set; }
}
