using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace SecureLogging.Cli.Tests;

public sealed class ScanReportFormatTests : IDisposable
{
    private readonly TempTree _tree = new();

    public ScanReportFormatTests()
    {
        _tree.Write("Options.cs", ScanSources.Options);
        _tree.Write("src/Startup.cs", ScanSources.Startup);
    }

    public void Dispose() => _tree.Dispose();

    [Fact]
    public void Text_HasSummaryTableAndFindingsGroupedByFileWithTheirLine()
    {
        var (exit, stdout, stderr) = CliRunner.Run("scan", _tree.Root, "--rules", "SL4001,SL4002");

        Assert.Equal(0, exit);
        Assert.DoesNotContain("\u001b[", stdout, StringComparison.Ordinal); // SPEC §7: never colour on stdout
        Assert.Equal(string.Empty, stderr);
        var lines = stdout.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        Assert.Contains(lines, l => l.StartsWith("4 findings (0 errors, 4 warnings, 0 info) in 1 of 2 files", StringComparison.Ordinal));
        Assert.Contains("Rule    Severity  Count  Title", lines);
        Assert.Contains(lines, l => l.StartsWith("SL4001  warning      1  Security log retention outside 90 days", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("SL4002  warning      3  Framework setting that writes sensitive data to logs", StringComparison.Ordinal));
        var file = Array.IndexOf(lines, "src/Startup.cs");
        Assert.True(file > 0, stdout);
        Assert.StartsWith("  7:73     warning  SL4002  'EnableSensitiveDataLogging()'", lines[file + 1], StringComparison.Ordinal);
        Assert.Equal("           | protected override void OnConfiguring(DbContextOptionsBuilder b) => b.EnableSensitiveDataLogging();", lines[file + 2]);
    }

    [Fact]
    public void Text_WithoutFindings_SaysSo()
    {
        using var clean = new TempTree();
        clean.Write("Clean.cs", "public class Clean { public int Add(int a, int b) => a + b; }");

        var (exit, stdout, _) = CliRunner.Run("scan", clean.Root);

        Assert.Equal(0, exit);
        Assert.Contains("No findings in 1 files", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_CarriesTotalsSummaryAndHelpUris()
    {
        var (_, findings, report) = CliRunner.ScanJson(_tree.Root, "--rules", "SL4001,SL4002");

        var root = report.RootElement;
        Assert.Equal(4, root.GetProperty("totals").GetProperty("findings").GetInt32());
        Assert.Equal(4, root.GetProperty("totals").GetProperty("warnings").GetInt32());
        var summary = root.GetProperty("summary").EnumerateArray().Select(s => (s.GetProperty("ruleId").GetString(), s.GetProperty("count").GetInt32())).ToArray();
        Assert.Equal([("SL4001", 1), ("SL4002", 3)], summary);
        var first = root.GetProperty("findings")[0];
        Assert.Equal("https://github.com/securelogging/securelogging/blob/main/docs/rules/SL4002.md", first.GetProperty("helpUri").GetString());
        Assert.Equal("protected override void OnConfiguring(DbContextOptionsBuilder b) => b.EnableSensitiveDataLogging();", first.GetProperty("lineText").GetString());
        Assert.Equal(4, findings.Count);
    }

    [Fact]
    public void Sarif_IsValidAgainstTheOfficialSchema_AndCarriesHelpUrisAndCweTags()
    {
        var output = Path.Combine(_tree.Root, "out", "scan.sarif");
        var (exit, stdout, stderr) = CliRunner.Run("scan", _tree.Root, "--format", "sarif", "--output", output);

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, stdout); // the report went to the file
        Assert.Contains("report written to", stderr, StringComparison.Ordinal);
        var sarif = JsonNode.Parse(File.ReadAllText(output))!;

        var evaluation = SarifSchema.Value.Evaluate(sarif, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(evaluation.IsValid, string.Join("\n", evaluation.Details.Where(d => d.HasErrors).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));

        var run = sarif["runs"]![0]!;
        var rules = run["tool"]!["driver"]!["rules"]!.AsArray();
        // Every rule the package's analyzers report is described, whether or not it was found.
        Assert.Equal(Scanning.AnalyzerCatalog.AllRules.Select(r => r.Id), rules.Select(r => r!["id"]!.GetValue<string>()));
        var sl4002 = rules.Single(r => r!["id"]!.GetValue<string>() == "SL4002")!;
        Assert.Equal("https://github.com/securelogging/securelogging/blob/main/docs/rules/SL4002.md", sl4002["helpUri"]!.GetValue<string>());
        var tags = sl4002["properties"]!["tags"]!.AsArray().Select(t => t!.GetValue<string>()).ToArray();
        Assert.Contains("CWE-532", tags);
        Assert.Contains("security", tags);
        var sl4003Tags = rules.Single(r => r!["id"]!.GetValue<string>() == "SL4003")!["properties"]!["tags"]!.AsArray().Select(t => t!.GetValue<string>());
        Assert.DoesNotContain("CompilationEnd", sl4003Tags);

        var results = run["results"]!.AsArray();
        Assert.Equal(4, results.Count);
        var location = results[0]!["locations"]![0]!["physicalLocation"]!;
        Assert.Equal("src/Startup.cs", location["artifactLocation"]!["uri"]!.GetValue<string>());
        Assert.Equal("SRCROOT", location["artifactLocation"]!["uriBaseId"]!.GetValue<string>());
        Assert.Equal(7, location["region"]!["startLine"]!.GetValue<int>());
        Assert.Equal("warning", results[0]!["level"]!.GetValue<string>());
        Assert.Equal(rules.IndexOf(sl4002), results[0]!["ruleIndex"]!.GetValue<int>());
    }

    /// <summary>
    /// The OASIS schema is draft-04; JsonSchema.Net implements draft-06 and later, and for this schema the only
    /// difference is <c>id</c> → <c>$id</c> (see Sarif/SARIF-SCHEMA-NOTICE.md).
    /// </summary>
    internal static readonly Lazy<JsonSchema> SarifSchema = new(() =>
    {
        var node = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Sarif", "sarif-schema-2.1.0.json")))!.AsObject();
        node["$schema"] = "http://json-schema.org/draft-07/schema#";
        node["$id"] = node["id"]!.GetValue<string>();
        node.Remove("id");
        return JsonSchema.FromText(node.ToJsonString());
    });

    [Fact]
    public void Sarif_SchemaCheckRejectsAnInvalidLog()
    {
        // Proves the validation above can fail: a result without its required message.
        var invalid = JsonNode.Parse("""{ "version": "2.1.0", "runs": [ { "tool": { "driver": { "name": "x" } }, "results": [ { "ruleId": "SL1001" } ] } ] }""");
        Assert.False(SarifSchema.Value.Evaluate(invalid).IsValid);
    }
}
