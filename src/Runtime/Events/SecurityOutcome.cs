namespace SecureLogging;

/// <summary>The values of the <c>outcome</c> field of a security event record (SPEC §8).</summary>
public static class SecurityOutcome
{
    /// <summary>The operation succeeded.</summary>
    public const string Success = "success";

    /// <summary>The operation failed or was refused.</summary>
    public const string Failure = "failure";

    /// <summary>The outcome is not known or does not apply (alerts).</summary>
    public const string Unknown = "unknown";

    /// <summary>Returns the canonical outcome for <paramref name="value"/>: one of the three constants, <c>unknown</c> for anything else.</summary>
    /// <param name="value">A caller-supplied outcome.</param>
    /// <returns><c>success</c>, <c>failure</c> or <c>unknown</c>.</returns>
    public static string Normalize(string? value)
    {
        if (value is null)
        {
            return Unknown;
        }

        var trimmed = value.Trim();
        if (trimmed.Equals(Success, StringComparison.OrdinalIgnoreCase) || trimmed.Equals("succeeded", StringComparison.OrdinalIgnoreCase))
        {
            return Success;
        }

        if (trimmed.Equals(Failure, StringComparison.OrdinalIgnoreCase) || trimmed.Equals("failed", StringComparison.OrdinalIgnoreCase) || trimmed.Equals("fail", StringComparison.OrdinalIgnoreCase))
        {
            return Failure;
        }

        return Unknown;
    }
}
