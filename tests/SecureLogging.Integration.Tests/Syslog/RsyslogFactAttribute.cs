namespace SecureLogging.Integration.Tests.Syslog;

/// <summary>
/// A test that needs rsyslogd. It is skipped, with the reason, only on a developer machine without rsyslog;
/// under CI (<c>CI=true</c>, where <c>.ci/services</c> installs it) it runs and fails if rsyslog is missing.
/// </summary>
public sealed class RsyslogFactAttribute : FactAttribute
{
    public const string NotInstalledMessage =
        "rsyslogd is not installed: run `sudo bash .ci/services` (installs rsyslog + rsyslog-gnutls and starts a private rsyslogd on 127.0.0.1), or set CI=true to make this a failure.";

    public RsyslogFactAttribute()
    {
        if (!RsyslogServer.IsInstalled && !IsCi)
        {
            Skip = NotInstalledMessage;
        }
    }

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
        || Environment.GetEnvironmentVariable("CI") == "1";
}

/// <summary>The <see cref="TheoryAttribute"/> form of <see cref="RsyslogFactAttribute"/>.</summary>
public sealed class RsyslogTheoryAttribute : TheoryAttribute
{
    public RsyslogTheoryAttribute()
    {
        if (!RsyslogServer.IsInstalled && !RsyslogFactAttribute.IsCi)
        {
            Skip = RsyslogFactAttribute.NotInstalledMessage;
        }
    }
}
