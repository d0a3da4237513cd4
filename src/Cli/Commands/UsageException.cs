namespace SecureLogging.Cli.Commands;

/// <summary>A command-line mistake: the dispatcher prints the message and the command's help and exits with 2.</summary>
internal sealed class UsageException : Exception
{
    public UsageException(string message)
        : base(message)
    {
    }
}
