using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SecureLogging.Analyzers.Rules;
using Xunit.Abstractions;

namespace SecureLogging.Analyzers.Tests.Rules;

/// <summary>
/// Runs SL1001–SL1005 and SL3001 over the realistic corpus in <c>Corpus/</c> (services, controllers, jobs, DTOs and records written
/// the way applications are, with the traps of SPEC §5) and scores them against the <c>// expect: SLxxxx</c> comments:
/// per rule and per line, a diagnostic that a comment expects is a true positive, any other a false positive, and an
/// expected one that is missing a false negative. Precision and recall must both reach 95% for every rule.
/// </summary>
public class CorpusScoringTests
{
    private static readonly string[] Rules = ["SL1001", "SL1002", "SL1003", "SL1004", "SL1005", "SL3001"];
    private static readonly Regex Expect = new(@"//\s*expect:\s*(?<ids>SL\d{4}(\s*,\s*SL\d{4})*)", RegexOptions.Compiled);

    private readonly ITestOutputHelper _output;

    public CorpusScoringTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task PrecisionAndRecallPerRuleAreAtLeast95Percent()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Corpus");
        var files = Directory.GetFiles(folder, "*.cs").OrderBy(f => f, StringComparer.Ordinal).ToArray();
        Assert.NotEmpty(files);
        var sources = files.Select(File.ReadAllText).ToArray();
        var editorConfig = File.ReadAllText(Path.Combine(folder, "corpus.editorconfig"));

        DiagnosticAnalyzer[] analyzers =
        [
            new DoNotLogSecretsAnalyzer(), new DoNotLogCardDataAnalyzer(), new DoNotLogPersonalDataAnalyzer(),
            new DoNotLogSensitiveObjectsAnalyzer(), new DoNotPutSecretsInExceptionMessagesAnalyzer(),
            new DoNotBuildLogMessagesFromRequestDataAnalyzer(),
        ];
        var diagnostics = await AnalyzerRunner.RunAsync(sources, editorConfig, analyzers);

        // (file, line, rule) → count, for the expected and the actual diagnostics.
        var expected = new Dictionary<(int File, int Line, string Rule), int>();
        for (var f = 0; f < sources.Length; f++)
        {
            var lines = sources[f].Split('\n');
            for (var l = 0; l < lines.Length; l++)
            {
                var match = Expect.Match(lines[l]);
                if (!match.Success)
                {
                    continue;
                }

                foreach (var id in match.Groups["ids"].Value.Split(',', StringSplitOptions.TrimEntries))
                {
                    expected[(f, l, id)] = expected.GetValueOrDefault((f, l, id)) + 1;
                }
            }
        }

        var actual = new Dictionary<(int File, int Line, string Rule), int>();
        foreach (var diagnostic in diagnostics)
        {
            var file = int.Parse(Path.GetFileNameWithoutExtension(diagnostic.Location.SourceTree!.FilePath).Replace("File", string.Empty), System.Globalization.CultureInfo.InvariantCulture);
            var key = (file, diagnostic.Location.GetLineSpan().StartLinePosition.Line, diagnostic.Id);
            actual[key] = actual.GetValueOrDefault(key) + 1;
        }

        var report = new List<string>();
        var failures = new List<string>();
        var totalCalls = CountLoggingLines(files, sources);
        Write($"Corpus: {files.Length} files, {totalCalls} logging calls / exception constructions, {expected.Values.Sum()} expected diagnostics");
        foreach (var rule in Rules)
        {
            int tp = 0, fp = 0, fn = 0;
            foreach (var key in expected.Keys.Union(actual.Keys).Where(k => k.Rule == rule))
            {
                var e = expected.GetValueOrDefault(key);
                var a = actual.GetValueOrDefault(key);
                tp += Math.Min(e, a);
                if (a > e)
                {
                    fp += a - e;
                    report.Add($"  FP {rule} {Path.GetFileName(files[key.File])}:{key.Line + 1}: {Line(sources, key)}");
                }

                if (e > a)
                {
                    fn += e - a;
                    report.Add($"  FN {rule} {Path.GetFileName(files[key.File])}:{key.Line + 1}: {Line(sources, key)}");
                }
            }

            var precision = tp + fp == 0 ? 1.0 : (double)tp / (tp + fp);
            var recall = tp + fn == 0 ? 1.0 : (double)tp / (tp + fn);
            Write($"{rule}: precision {precision:P1} ({tp}/{tp + fp}), recall {recall:P1} ({tp}/{tp + fn})");
            if (tp + fn == 0)
            {
                failures.Add($"{rule} has no expected diagnostic in the corpus");
            }

            if (precision < 0.95 || recall < 0.95)
            {
                failures.Add($"{rule}: precision {precision:P1}, recall {recall:P1}");
            }
        }

        foreach (var line in report)
        {
            Write(line);
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private void Write(string line)
    {
        _output.WriteLine(line);
        Console.WriteLine(line);
    }

    private static string Line(string[] sources, (int File, int Line, string Rule) key)
        => sources[key.File].Split('\n')[key.Line].Trim();

    /// <summary>
    /// Lines holding a logging call, a security event, a [LoggerMessage] declaration or an exception construction, in
    /// the hand-written files (the stand-ins for generated code are not counted). Counted by text, independently of the
    /// analyzers under test.
    /// </summary>
    private static int CountLoggingLines(string[] files, string[] sources)
    {
        var call = new Regex(
            @"\.(Log(Trace|Debug|Information|Warning|Error|Critical)?|BeginScope|Verbose|Debug|Information|Warning|Error|Fatal|Info|Warn|Trace|Conditional(Debug|Trace)|"
            + @"Write(Line)?(If)?|Trace(Information|Warning|Error)|(Debug|Info|Warn|Error|Fatal)Format|PushProperty|Dump|Line|Event|Text|"
            + @"Log(LoginSucceeded|LoginFailed|AccessDenied|ApiKeyCreated|RoleGranted|SecurityEvent))\(|ForContext\(""|\bs_\w+\(logger|"
            + @"\bLog\.\w+\(_logger|\bLog\.\w+\(logger|static partial void|public partial void|new \w*Exception\(");
        return sources.Where((_, i) => !files[i].EndsWith(".g.cs", StringComparison.Ordinal))
            .SelectMany(s => s.Split('\n'))
            .Count(l => call.IsMatch(l));
    }
}
