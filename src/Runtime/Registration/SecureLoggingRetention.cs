namespace SecureLogging;

/// <summary>
/// Retention presets for <see cref="SecureLoggingOptions.Retention"/> and the bounds options validation enforces.
/// </summary>
/// <remarks>
/// Each preset rounds up to whole days so that leap days never make the store delete a record a day before the
/// obligation ends (a year can be 366 days, six years up to 2,192, seven years up to 2,557).
/// </remarks>
public static class SecureLoggingRetention
{
    /// <summary>The shortest accepted retention: 90 days (PCI DSS keeps the last three months immediately available).</summary>
    public static TimeSpan Minimum { get; } = TimeSpan.FromDays(90);

    /// <summary>The longest accepted retention: 7 years, 2,557 days (SOX-style financial audit trails).</summary>
    public static TimeSpan Maximum { get; } = TimeSpan.FromDays(2557);

    /// <summary>PCI DSS v4.0 Req. 10.5.1: audit log history kept for at least 12 months (366 days).</summary>
    public static TimeSpan PciDss { get; } = TimeSpan.FromDays(366);

    /// <summary>HIPAA 45 CFR §164.316(b)(2)(i): documentation kept 6 years (2,192 days).</summary>
    public static TimeSpan Hipaa { get; } = TimeSpan.FromDays(2192);

    /// <summary>SOX §802 / SEC Rule 2-06: audit records kept 7 years (2,557 days).</summary>
    public static TimeSpan Sox { get; } = TimeSpan.FromDays(2557);
}
