using System.Reflection;

namespace SecureLogging.Cli.Commands;

/// <summary>Every <see cref="ICliCommand"/> of this assembly, sorted by name, and the top-level help.</summary>
internal static class CommandCatalog
{
    private static readonly Lazy<IReadOnlyList<ICliCommand>> Commands = new(Discover);

    public static IReadOnlyList<ICliCommand> All => Commands.Value;

    public static string Version { get; } =
        typeof(CommandCatalog).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(CommandCatalog).Assembly.GetName().Version?.ToString()
        ?? "0.0.0";

    public static void WriteHelp(TextWriter writer)
    {
        writer.WriteLine($"securelog {Version}: SecureLogging command-line tool");
        writer.WriteLine();
        writer.WriteLine("usage: securelog <command> [arguments] [options]");
        writer.WriteLine();
        writer.WriteLine("commands:");
        var width = All.Max(c => c.Name.Length) + 2;
        foreach (var command in All)
        {
            writer.WriteLine($"  {command.Name.PadRight(width)}{command.Summary}");
        }

        writer.WriteLine();
        writer.WriteLine("Run 'securelog <command> --help' for a command's options.");
    }

    private static IReadOnlyList<ICliCommand> Discover()
        => typeof(CommandCatalog).Assembly.GetTypes()
            .Where(t => typeof(ICliCommand).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
            .Select(t => (ICliCommand)Activator.CreateInstance(t)!)
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .ToArray();
}
