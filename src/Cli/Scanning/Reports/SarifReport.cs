using System.Globalization;
using System.Text.Json;
using Microsoft.CodeAnalysis;

namespace SecureLogging.Cli.Scanning.Reports;

/// <summary>
/// SARIF 2.1.0 for code-scanning services: one run whose driver lists every rule with its help URI and tags (the
/// descriptor's <c>Security</c> and <c>CWE-nnn</c>, plus <c>security</c> and a <c>security-severity</c> that GitHub code
/// scanning reads), and results located relative to <c>%SRCROOT%</c>.
/// </summary>
internal static class SarifReport
{
    public const string SchemaUri = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

    // Roslyn's own tags that mean nothing to a SARIF consumer.
    private static readonly HashSet<string> InternalTags = new(StringComparer.Ordinal)
    {
        WellKnownDiagnosticTags.CompilationEnd, WellKnownDiagnosticTags.Telemetry, WellKnownDiagnosticTags.NotConfigurable,
        WellKnownDiagnosticTags.AnalyzerException, WellKnownDiagnosticTags.CustomObsolete,
    };

    public static void Write(ScanResult result, Stream stream)
    {
        var ruleIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("$schema", SchemaUri);
        json.WriteString("version", "2.1.0");
        json.WriteStartArray("runs");
        json.WriteStartObject();

        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "securelog");
        json.WriteString("semanticVersion", Commands.CommandCatalog.Version);
        json.WriteString("informationUri", "https://github.com/securelogging/securelogging");
        json.WriteStartArray("rules");
        foreach (var rule in result.Rules)
        {
            ruleIndex[rule.Id] = ruleIndex.Count;
            WriteRule(json, rule);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();

        json.WriteStartObject("originalUriBaseIds");
        json.WriteStartObject("SRCROOT");
        json.WriteString("uri", new Uri(result.Root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar).AbsoluteUri);
        json.WriteEndObject();
        json.WriteEndObject();

        json.WriteStartArray("results");
        foreach (var finding in result.Findings)
        {
            WriteResult(json, finding, ruleIndex);
        }

        json.WriteEndArray();
        json.WriteString("columnKind", "utf16CodeUnits");
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteRule(Utf8JsonWriter json, DiagnosticDescriptor rule)
    {
        json.WriteStartObject();
        json.WriteString("id", rule.Id);
        json.WriteStartObject("shortDescription");
        json.WriteString("text", rule.Title.ToString(CultureInfo.InvariantCulture));
        json.WriteEndObject();
        var description = rule.Description.ToString(CultureInfo.InvariantCulture);
        if (description.Length > 0)
        {
            json.WriteStartObject("fullDescription");
            json.WriteString("text", description);
            json.WriteEndObject();
        }

        if (!string.IsNullOrEmpty(rule.HelpLinkUri))
        {
            json.WriteString("helpUri", rule.HelpLinkUri);
        }

        json.WriteStartObject("defaultConfiguration");
        json.WriteBoolean("enabled", rule.IsEnabledByDefault);
        json.WriteString("level", Level(rule.DefaultSeverity));
        json.WriteEndObject();

        json.WriteStartObject("properties");
        json.WriteString("category", rule.Category);
        json.WriteStartArray("tags");
        var tags = rule.CustomTags.Where(t => !InternalTags.Contains(t)).ToList();
        if (tags.Contains("Security", StringComparer.Ordinal))
        {
            tags.Add("security");
        }

        foreach (var tag in tags.Distinct(StringComparer.Ordinal))
        {
            json.WriteStringValue(tag);
        }

        json.WriteEndArray();
        // GitHub code scanning's 0–10 scale: secrets and card data in logs high, the rest medium.
        json.WriteString("security-severity", rule.DefaultSeverity == DiagnosticSeverity.Error ? "8.0" : "5.0");
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, Finding finding, Dictionary<string, int> ruleIndex)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", finding.RuleId);
        if (ruleIndex.TryGetValue(finding.RuleId, out var index))
        {
            json.WriteNumber("ruleIndex", index);
        }

        json.WriteString("level", Level(finding.Severity));
        json.WriteStartObject("message");
        json.WriteString("text", finding.Message);
        json.WriteEndObject();
        json.WriteStartArray("locations");
        json.WriteStartObject();
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        if (Path.IsPathRooted(finding.RelativePath))
        {
            json.WriteString("uri", new Uri(finding.FullPath).AbsoluteUri);
        }
        else
        {
            json.WriteString("uri", Uri.EscapeDataString(finding.RelativePath).Replace("%2F", "/", StringComparison.Ordinal));
            json.WriteString("uriBaseId", "SRCROOT");
        }

        json.WriteEndObject();
        json.WriteStartObject("region");
        json.WriteNumber("startLine", finding.Line);
        json.WriteNumber("startColumn", finding.Column);
        json.WriteNumber("endLine", finding.EndLine);
        json.WriteNumber("endColumn", finding.EndColumn);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static string Level(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "note",
        _ => "none",
    };
}
