using Microsoft.CodeAnalysis;

namespace SecureLogging.Cli.Scanning;

/// <summary>One diagnostic of the scan, detached from Roslyn so that the reports are plain data.</summary>
/// <param name="RelativePath">The file relative to the scanned root, '/'-separated (absolute when outside it).</param>
/// <param name="Line">1-based, as editors and SARIF count.</param>
/// <param name="Column">1-based, in UTF-16 code units.</param>
/// <param name="LineText">The offending source line, trimmed, for the text report and SARIF snippets.</param>
internal sealed record Finding(
    string RuleId,
    DiagnosticSeverity Severity,
    string Message,
    string FullPath,
    string RelativePath,
    int Line,
    int Column,
    int EndLine,
    int EndColumn,
    string LineText);

/// <summary>The outcome of a scan: findings sorted by file and position, and what was analysed.</summary>
internal sealed record ScanResult(
    string Root,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<DiagnosticDescriptor> Rules,
    int FilesAnalysed,
    TimeSpan Duration,
    IReadOnlyList<string> Notes)
{
    public bool HasErrors => Findings.Any(f => f.Severity == DiagnosticSeverity.Error);
}
