using System.Globalization;
using Microsoft.CodeAnalysis;

namespace SecureLogging.Cli.Scanning.Reports;

/// <summary>
/// The human report: a summary table per rule and severity, then the findings grouped by file, each with its source
/// line. Plain text: SPEC §7 keeps colour off stdout (the command colours its stderr summary instead).
/// </summary>
internal static class TextReport
{
    public static void Write(ScanResult result, TextWriter writer)
    {
        static string SeverityText(DiagnosticSeverity severity) => severity switch
        {
            DiagnosticSeverity.Error => "error  ",
            DiagnosticSeverity.Warning => "warning",
            DiagnosticSeverity.Info => "info   ",
            _ => "hidden ",
        };

        var findings = result.Findings;
        var seconds = result.Duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        writer.WriteLine($"securelog scan {result.Root}");
        if (findings.Count == 0)
        {
            writer.WriteLine($"No findings in {result.FilesAnalysed:N0} files ({seconds} s).");
            WriteNotes(result, writer);
            return;
        }

        var errors = findings.Count(f => f.Severity == DiagnosticSeverity.Error);
        var warnings = findings.Count(f => f.Severity == DiagnosticSeverity.Warning);
        var infos = findings.Count - errors - warnings;
        var fileCount = findings.Select(f => f.RelativePath).Distinct(StringComparer.Ordinal).Count();
        writer.WriteLine($"{findings.Count:N0} findings ({errors:N0} errors, {warnings:N0} warnings, {infos:N0} info) in {fileCount:N0} of {result.FilesAnalysed:N0} files ({seconds} s)");
        writer.WriteLine();

        var titles = result.Rules.ToDictionary(r => r.Id, r => r.Title.ToString(CultureInfo.InvariantCulture), StringComparer.Ordinal);
        writer.WriteLine("Rule    Severity  Count  Title");
        foreach (var group in findings.GroupBy(f => (f.RuleId, f.Severity)).OrderBy(g => g.Key.RuleId, StringComparer.Ordinal).ThenByDescending(g => g.Key.Severity))
        {
            titles.TryGetValue(group.Key.RuleId, out var title);
            writer.WriteLine($"{group.Key.RuleId,-7} {SeverityText(group.Key.Severity)}  {group.Count(),5}  {title}");
        }

        foreach (var file in findings.GroupBy(f => f.RelativePath, StringComparer.Ordinal))
        {
            writer.WriteLine();
            writer.WriteLine(file.Key);
            foreach (var finding in file)
            {
                var position = $"{finding.Line}:{finding.Column}";
                writer.WriteLine($"  {position,-8} {SeverityText(finding.Severity)}  {finding.RuleId}  {finding.Message}");
                if (finding.LineText.Length > 0)
                {
                    writer.WriteLine($"           | {finding.LineText}");
                }
            }
        }

        writer.WriteLine();
        WriteNotes(result, writer);
    }

    private static void WriteNotes(ScanResult result, TextWriter writer)
    {
        foreach (var note in result.Notes)
        {
            writer.WriteLine($"note: {note}");
        }
    }
}
