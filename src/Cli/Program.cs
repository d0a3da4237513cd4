using SecureLogging.Cli.Commands;

namespace SecureLogging.Cli;

/// <summary>
/// <c>securelog &lt;command&gt; …</c>: a small dispatcher. Every <see cref="ICliCommand"/> in this assembly is a command
/// (one file per command under <c>Commands/</c>), so adding one needs no edit here. Exit codes: what the command
/// returns; 2 for usage errors, with help on stderr.
/// </summary>
internal static class Program
{
    private static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>The whole CLI behind <c>Main</c>, with its streams injectable for tests.</summary>
    internal static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var commands = CommandCatalog.All;
        if (args.Count == 0 || args[0] is "-h" or "--help" or "help")
        {
            var toStdout = args.Count > 0;
            CommandCatalog.WriteHelp(toStdout ? stdout : stderr);
            return toStdout ? 0 : ExitCodes.Usage;
        }

        if (args[0] is "--version")
        {
            stdout.WriteLine(CommandCatalog.Version);
            return 0;
        }

        var command = commands.FirstOrDefault(c => string.Equals(c.Name, args[0], StringComparison.Ordinal));
        if (command is null)
        {
            stderr.WriteLine($"securelog: unknown command '{args[0]}'.");
            CommandCatalog.WriteHelp(stderr);
            return ExitCodes.Usage;
        }

        var rest = args.Skip(1).ToArray();
        if (rest.Any(a => a is "-h" or "--help"))
        {
            stdout.WriteLine(command.Usage);
            return 0;
        }

        try
        {
            return command.Run(rest, stdout, stderr);
        }
        catch (UsageException ex)
        {
            stderr.WriteLine($"securelog {command.Name}: {ex.Message}");
            stderr.WriteLine();
            stderr.WriteLine(command.Usage);
            return ExitCodes.Usage;
        }
    }
}
