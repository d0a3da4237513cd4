using System.Globalization;
using System.Text.Json;
using Microsoft.CodeAnalysis;

namespace SecureLogging.Cli.Scanning.Reports;

/// <summary>A machine-readable report: totals, per-rule counts, findings (1-based lines and columns), notes.</summary>
internal static class JsonReport
{
    public static void Write(ScanResult result, Stream stream)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteStartObject("tool");
        json.WriteString("name", "securelog");
        json.WriteString("version", Commands.CommandCatalog.Version);
        json.WriteEndObject();
        json.WriteString("root", result.Root);
        json.WriteNumber("filesAnalysed", result.FilesAnalysed);
        json.WriteNumber("durationMs", (long)result.Duration.TotalMilliseconds);

        json.WriteStartObject("totals");
        json.WriteNumber("findings", result.Findings.Count);
        json.WriteNumber("errors", result.Findings.Count(f => f.Severity == DiagnosticSeverity.Error));
        json.WriteNumber("warnings", result.Findings.Count(f => f.Severity == DiagnosticSeverity.Warning));
        json.WriteNumber("info", result.Findings.Count(f => f.Severity == DiagnosticSeverity.Info));
        json.WriteEndObject();

        var rules = result.Rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
        json.WriteStartArray("summary");
        foreach (var group in result.Findings.GroupBy(f => (f.RuleId, f.Severity)).OrderBy(g => g.Key.RuleId, StringComparer.Ordinal))
        {
            json.WriteStartObject();
            json.WriteString("ruleId", group.Key.RuleId);
            json.WriteString("severity", SeverityName(group.Key.Severity));
            json.WriteNumber("count", group.Count());
            if (rules.TryGetValue(group.Key.RuleId, out var rule))
            {
                json.WriteString("title", rule.Title.ToString(CultureInfo.InvariantCulture));
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("findings");
        foreach (var finding in result.Findings)
        {
            json.WriteStartObject();
            json.WriteString("ruleId", finding.RuleId);
            json.WriteString("severity", SeverityName(finding.Severity));
            json.WriteString("message", finding.Message);
            json.WriteString("file", finding.RelativePath);
            json.WriteNumber("line", finding.Line);
            json.WriteNumber("column", finding.Column);
            json.WriteNumber("endLine", finding.EndLine);
            json.WriteNumber("endColumn", finding.EndColumn);
            json.WriteString("lineText", finding.LineText);
            if (rules.TryGetValue(finding.RuleId, out var rule))
            {
                json.WriteString("helpUri", rule.HelpLinkUri);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("notes");
        foreach (var note in result.Notes)
        {
            json.WriteStringValue(note);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    public static string SeverityName(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "info",
        _ => "hidden",
    };
}
