using System.Text.Json.Nodes;

namespace SecureLogging.Cli.Tests;

public class CompilerErrorLogTests
{
    /// <summary>
    /// The compiler's own SARIF (<c>-p:ErrorLog=file,version=2.1</c>, what CI uploads to code scanning) carries each
    /// rule's help URI and CWE tag from the descriptors, and is valid SARIF 2.1.0.
    /// </summary>
    [Fact]
    public void ErrorLog_CarriesHelpUriAndCweTags()
    {
        var analyzer = typeof(SecureLogging.Analyzers.Rules.SecurityLogRetentionAnalyzer).Assembly.Location;
        using var project = DotnetCli.CreateProject(extraProjectXml: $"""<ItemGroup><Analyzer Include="{analyzer}" /></ItemGroup>""");
        var log = Path.Combine(project.Root, "build.sarif");

        var (exit, output) = DotnetCli.Run(project.Root, "build", $"-p:ErrorLog={log}%2Cversion=2.1");

        Assert.True(exit == 0, output);
        Assert.Contains("warning SL4001", output, StringComparison.Ordinal);
        var sarif = JsonNode.Parse(File.ReadAllText(log))!;
        Assert.True(ScanReportFormatTests.SarifSchema.Value.Evaluate(sarif).IsValid);
        var run = sarif["runs"]![0]!;
        var rule = run["tool"]!["driver"]!["rules"]!.AsArray().Single(r => r!["id"]!.GetValue<string>() == "SL4001")!;
        Assert.Equal("https://github.com/securelogging/securelogging/blob/main/docs/rules/SL4001.md", rule["helpUri"]!.GetValue<string>());
        var tags = rule["properties"]!["tags"]!.AsArray().Select(t => t!.GetValue<string>()).ToArray();
        Assert.Contains("CWE-778", tags);
        Assert.Contains("Security", tags);
        Assert.Contains(run["results"]!.AsArray(), r => r!["ruleId"]!.GetValue<string>() == "SL4001");
    }
}
