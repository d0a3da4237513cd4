using Microsoft.CodeAnalysis;
using SecureLogging.Cli.Scanning;
using SecureLogging.Cli.Scanning.Reports;

namespace SecureLogging.Cli.Commands;

/// <summary>
/// <c>securelog scan &lt;project|solution|folder&gt;</c>: the package's analyzers over code that need not reference the
/// package, without restoring, building or writing anything in the target.
/// </summary>
internal sealed class ScanCommand : ICliCommand
{
    public string Name => "scan";

    public string Summary => "Run the SecureLogging analyzers over a project, solution or folder and report the findings.";

    public string Usage => """
        usage: securelog scan <project|solution|folder> [options]

        Runs the SecureLogging analyzers (the same as the SecureLogging.Analyzers package) without modifying the target.
        Restored projects (obj/project.assets.json present) are loaded with MSBuild; anything else is compiled as loose
        files against bundled .NET, ASP.NET Core and logging-library references. .editorconfig severities and
        secure_logging.* keys of the target apply.

        options:
          --format text|json|sarif   report format (default: text)
          -o, --output FILE          write the report to FILE instead of stdout
          --min-severity LEVEL       error | warning | info (default: info): leave out findings below LEVEL
          --rules ID[,ID...]         only these rules, e.g. --rules SL1001,SL1002
          --no-color                 no colour in the summary line on stderr (the report itself is never coloured)
          --no-progress              no progress line on stderr
          -h, --help                 show this help

        exit codes: 0 no error-severity finding; 1 at least one error-severity finding; 2 usage error.
        """;

    public int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var reader = new OptionReader(
            args,
            valueOptions: ["--format", "--output", "--min-severity", "--rules"],
            flags: ["--no-color", "--no-progress"],
            aliases: new Dictionary<string, string> { ["-o"] = "--output", ["-f"] = "--format" });

        var options = ParseOptions(reader, stderr);
        // SPEC §7: the report on stdout is plain text whatever the terminal; colour goes to stderr only.
        var color = ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected
            && !reader.Has("--no-color") && Environment.GetEnvironmentVariable("NO_COLOR") is null or ""
            && Environment.GetEnvironmentVariable("TERM") != "dumb";

        ScanResult result;
        try
        {
            result = new Scanner(options, stderr).RunAsync(CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (FileNotFoundException ex)
        {
            throw new UsageException(ex.Message);
        }

        if (options.OutputPath is null)
        {
            WriteReport(result, options.Format, stdout);
        }
        else
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(options.OutputPath));
            if (directory is not null)
            {
                Directory.CreateDirectory(directory);
            }

            using (var file = new StreamWriter(options.OutputPath, append: false, new System.Text.UTF8Encoding(false)))
            {
                WriteReport(result, options.Format, file);
            }

            stderr.WriteLine($"{SummaryLine(result, color)}; report written to {options.OutputPath}");
        }

        return result.HasErrors ? ExitCodes.Findings : ExitCodes.Success;
    }

    private static ScanOptions ParseOptions(OptionReader reader, TextWriter stderr)
    {
        if (reader.Positionals.Count != 1)
        {
            throw new UsageException(reader.Positionals.Count == 0 ? "missing the project, solution or folder to scan." : "give exactly one project, solution or folder.");
        }

        var target = Path.GetFullPath(reader.Positionals[0]);
        if (!File.Exists(target) && !Directory.Exists(target))
        {
            throw new UsageException($"'{reader.Positionals[0]}' does not exist.");
        }

        var format = (reader.Value("--format") ?? "text").ToLowerInvariant() switch
        {
            "text" => ReportFormat.Text,
            "json" => ReportFormat.Json,
            "sarif" => ReportFormat.Sarif,
            var other => throw new UsageException($"unknown format '{other}': use text, json or sarif."),
        };

        var minimum = (reader.Value("--min-severity") ?? "info").ToLowerInvariant() switch
        {
            "error" => DiagnosticSeverity.Error,
            "warning" => DiagnosticSeverity.Warning,
            "info" or "note" or "suggestion" => DiagnosticSeverity.Info,
            var other => throw new UsageException($"unknown severity '{other}': use error, warning or info."),
        };

        IReadOnlySet<string>? rules = null;
        if (reader.Value("--rules") is { } list)
        {
            var ids = list.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(id => id.ToUpperInvariant())
                .ToHashSet(StringComparer.Ordinal);
            var known = AnalyzerCatalog.AllRules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
            var unknown = ids.Where(id => !known.Contains(id)).ToArray();
            if (ids.Count == 0 || unknown.Length > 0)
            {
                throw new UsageException(ids.Count == 0
                    ? "--rules needs at least one rule id."
                    : $"unknown rule id(s) {string.Join(", ", unknown)}; known: {string.Join(", ", known.Order(StringComparer.Ordinal))}.");
            }

            rules = ids;
        }

        var progress = !reader.Has("--no-progress") && ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected;
        return new ScanOptions(target, format, reader.Value("--output"), minimum, rules, progress);
    }

    /// <summary>The one-line summary for stderr: red when there are errors, yellow with other findings, green with none.</summary>
    private static string SummaryLine(ScanResult result, bool color)
    {
        var errors = result.Findings.Count(f => f.Severity == DiagnosticSeverity.Error);
        var text = $"securelog scan: {result.Findings.Count} findings ({errors} errors) in {result.FilesAnalysed} files";
        var code = errors > 0 ? "1;31" : result.Findings.Count > 0 ? "33" : "32";
        return color ? $"\u001b[{code}m{text}\u001b[0m" : text;
    }

    private static void WriteReport(ScanResult result, ReportFormat format, TextWriter writer)
    {
        switch (format)
        {
            case ReportFormat.Text:
                TextReport.Write(result, writer);
                break;
            default:
                using (var buffer = new MemoryStream())
                {
                    if (format == ReportFormat.Json)
                    {
                        JsonReport.Write(result, buffer);
                    }
                    else
                    {
                        SarifReport.Write(result, buffer);
                    }

                    writer.Write(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
                    writer.WriteLine();
                }

                break;
        }

        writer.Flush();
    }
}
