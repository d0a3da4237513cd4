namespace SecureLogging.Cli.Commands;

/// <summary>
/// One <c>securelog</c> command. Implementations are found by reflection (<see cref="CommandCatalog"/>): a public
/// parameterless constructor is all it takes to add one.
/// </summary>
internal interface ICliCommand
{
    /// <summary>The word after <c>securelog</c>, e.g. <c>scan</c>.</summary>
    string Name { get; }

    /// <summary>One line for the command list.</summary>
    string Summary { get; }

    /// <summary>The command's full help: synopsis, arguments, options, exit codes.</summary>
    string Usage { get; }

    /// <summary>Runs the command; throws <see cref="UsageException"/> for bad arguments (exit code 2).</summary>
    int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr);
}
