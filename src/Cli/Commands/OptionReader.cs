namespace SecureLogging.Cli.Commands;

/// <summary>
/// A deliberately small POSIX-style option reader shared by the commands: <c>--name value</c>, <c>--name=value</c>,
/// flags, and positional arguments (everything after <c>--</c> is positional). Unknown options are usage errors.
/// </summary>
internal sealed class OptionReader
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);
    private readonly List<string> _positionals = [];

    /// <param name="args">The arguments after the command name.</param>
    /// <param name="valueOptions">Options that take a value, with their leading dashes (<c>--format</c>, <c>-o</c>).</param>
    /// <param name="flags">Options without a value.</param>
    /// <param name="aliases">Short forms mapped to long ones (<c>-o</c> → <c>--output</c>).</param>
    public OptionReader(IReadOnlyList<string> args, IReadOnlyCollection<string> valueOptions, IReadOnlyCollection<string> flags, IReadOnlyDictionary<string, string>? aliases = null)
    {
        var onlyPositionals = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (onlyPositionals || arg.Length < 2 || arg[0] != '-')
            {
                _positionals.Add(arg);
                continue;
            }

            if (arg == "--")
            {
                onlyPositionals = true;
                continue;
            }

            string name = arg;
            string? inlineValue = null;
            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            if (arg.StartsWith("--", StringComparison.Ordinal) && equals > 2)
            {
                name = arg[..equals];
                inlineValue = arg[(equals + 1)..];
            }

            if (aliases is not null && aliases.TryGetValue(name, out var longName))
            {
                name = longName;
            }

            if (flags.Contains(name))
            {
                if (inlineValue is not null)
                {
                    throw new UsageException($"option '{name}' takes no value.");
                }

                _values[name] = null;
            }
            else if (valueOptions.Contains(name))
            {
                var value = inlineValue;
                if (value is null)
                {
                    if (i + 1 >= args.Count)
                    {
                        throw new UsageException($"option '{name}' needs a value.");
                    }

                    value = args[++i];
                }

                if (_values.ContainsKey(name))
                {
                    throw new UsageException($"option '{name}' is given twice.");
                }

                _values[name] = value;
            }
            else
            {
                throw new UsageException($"unknown option '{arg}'.");
            }
        }
    }

    public IReadOnlyList<string> Positionals => _positionals;

    public bool Has(string name) => _values.ContainsKey(name);

    public string? Value(string name) => _values.TryGetValue(name, out var value) ? value : null;
}
