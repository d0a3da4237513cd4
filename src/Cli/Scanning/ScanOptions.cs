using Microsoft.CodeAnalysis;

namespace SecureLogging.Cli.Scanning;

internal enum ReportFormat
{
    Text,
    Json,
    Sarif,
}

/// <summary>What <c>securelog scan</c> was asked to do, already validated.</summary>
/// <param name="Target">The project, solution, folder or file to scan (absolute).</param>
/// <param name="MinimumSeverity">Findings below it are left out of the report and the exit code.</param>
/// <param name="Rules">Only these rule ids, or null for all.</param>
/// <param name="ShowProgress">Draw a progress line on stderr (only for large trees).</param>
internal sealed record ScanOptions(
    string Target,
    ReportFormat Format,
    string? OutputPath,
    DiagnosticSeverity MinimumSeverity,
    IReadOnlySet<string>? Rules,
    bool ShowProgress);
