namespace SecureLogging.Cli.Commands;

/// <summary>Exit codes shared by every command (SPEC §7).</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The command ran and found something: a broken chain (verify), an error-severity finding (scan).</summary>
    public const int Findings = 1;

    /// <summary>Bad command line: unknown command or option, missing argument.</summary>
    public const int Usage = 2;
}
