using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SecureLogging.Analyzers.Rules;
using Xunit.Abstractions;

namespace SecureLogging.Analyzers.Tests.Rules;

/// <summary>
/// Scores SL1001–SL1005, SL3001 and SL4001–SL4003 over <c>SpecCorpus/</c>: a second corpus written from SPEC §3–§5
/// read bullet by bullet (every listed word and pair, the splitting and drop rules, each excluded tail, each type rule,
/// secret source, attribute, object mode and logging API family), separately from <c>Corpus/</c> and without its
/// project word lists. Compiled as an application, so that SL4003 applies. Each <c>// expect: SLxxxx</c> comment is
/// one expected diagnostic on its line; any other diagnostic is a false positive. Every rule must score 100%: a miss
/// here is a bullet of the SPEC the analyzers do not implement.
/// </summary>
public class SpecCorpusScoringTests
{
    private static readonly string[] Rules =
        ["SL1001", "SL1002", "SL1003", "SL1004", "SL1005", "SL3001", "SL4001", "SL4002", "SL4003"];

    private static readonly Regex Expect = new(@"//\s*expect:\s*(?<ids>SL\d{4}(\s*,\s*SL\d{4})*)", RegexOptions.Compiled);

    private static readonly Regex LoggingLine = new(
        @"\b(Log(Trace|Debug|Information|Warning|Error|Critical)?|BeginScope|Verbose|Debug|Information|Warning|Error|Fatal|Info|Warn|Trace|" +
        @"Write(Line)?(If)?|Trace(Information|Warning|Error)|(Debug|Info|Warn|Error|Fatal)Format|PushProperty|ForContext|" +
        @"Log(LoginSucceeded|LoginFailed|AccessDenied|ApiKeyCreated|ApiKeyRevoked|MfaFailed|SecurityEvent)|s_\w+)\(|" +
        @"partial void|new \w*Exception\(|\[""[^""]+""\] = ",
        RegexOptions.Compiled);

    private readonly ITestOutputHelper _output;

    public SpecCorpusScoringTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task EveryRuleFindsExactlyWhatTheSpecSays()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "SpecCorpus");
        var files = Directory.GetFiles(folder, "*.cs").OrderBy(f => f, StringComparer.Ordinal).ToArray();
        Assert.NotEmpty(files);
        var parseOptions = new CSharpParseOptions(LanguageVersion.CSharp12);
        var trees = files.Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), parseOptions, path: "/src/SpecCorpus/" + Path.GetFileName(f))).ToArray();

        DiagnosticAnalyzer[] analyzers =
        [
            new DoNotLogSecretsAnalyzer(), new DoNotLogCardDataAnalyzer(), new DoNotLogPersonalDataAnalyzer(),
            new DoNotLogSensitiveObjectsAnalyzer(), new DoNotPutSecretsInExceptionMessagesAnalyzer(),
            new DoNotBuildLogMessagesFromRequestDataAnalyzer(), new SecurityLogRetentionAnalyzer(),
            new FrameworkSensitiveDataLoggingAnalyzer(), new ClassificationWithoutRedactionAnalyzer(),
        ];
        var diagnostics = await AnalyzerRunner.RunAsync(trees, null, OutputKind.ConsoleApplication, analyzers);

        var expected = new Dictionary<(string File, int Line, string Rule), int>();
        var loggingLines = 0;
        foreach (var tree in trees)
        {
            var lines = tree.GetText().Lines;
            foreach (var line in lines)
            {
                var text = line.ToString();
                if (LoggingLine.IsMatch(text) && !tree.FilePath.EndsWith(".g.cs", StringComparison.Ordinal))
                {
                    loggingLines++;
                }

                var match = Expect.Match(text);
                if (!match.Success)
                {
                    continue;
                }

                foreach (var id in match.Groups["ids"].Value.Split(',', StringSplitOptions.TrimEntries))
                {
                    var key = (tree.FilePath, line.LineNumber, id);
                    expected[key] = expected.GetValueOrDefault(key) + 1;
                }
            }
        }

        var actual = new Dictionary<(string File, int Line, string Rule), int>();
        foreach (var diagnostic in diagnostics)
        {
            var key = (diagnostic.Location.SourceTree!.FilePath, diagnostic.Location.GetLineSpan().StartLinePosition.Line, diagnostic.Id);
            actual[key] = actual.GetValueOrDefault(key) + 1;
        }

        var sourceOf = trees.ToDictionary(t => t.FilePath, t => t.GetText());
        var report = new List<string>();
        var failures = new List<string>();
        Write($"Spec corpus: {files.Length} files, {loggingLines} lines with a logging call, event, exception, dictionary entry or setting; {expected.Values.Sum()} expected diagnostics");
        foreach (var rule in Rules)
        {
            int tp = 0, fp = 0, fn = 0;
            foreach (var key in expected.Keys.Union(actual.Keys).Where(k => k.Rule == rule).OrderBy(k => k.File).ThenBy(k => k.Line))
            {
                var e = expected.GetValueOrDefault(key);
                var a = actual.GetValueOrDefault(key);
                tp += Math.Min(e, a);
                var text = sourceOf[key.File].Lines[key.Line].ToString().Trim();
                if (a > e)
                {
                    fp += a - e;
                    var messages = diagnostics.Where(d => d.Id == rule && d.Location.SourceTree!.FilePath == key.File && d.Location.GetLineSpan().StartLinePosition.Line == key.Line)
                        .Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
                    report.Add($"  FP {rule} {Path.GetFileName(key.File)}:{key.Line + 1}: {text}  [{string.Join(" | ", messages)}]");
                }

                if (e > a)
                {
                    fn += e - a;
                    report.Add($"  FN {rule} {Path.GetFileName(key.File)}:{key.Line + 1}: {text}");
                }
            }

            var precision = tp + fp == 0 ? 1.0 : (double)tp / (tp + fp);
            var recall = tp + fn == 0 ? 1.0 : (double)tp / (tp + fn);
            Write($"{rule}: precision {precision:P1} ({tp}/{tp + fp}), recall {recall:P1} ({tp}/{tp + fn})");
            if (tp + fn == 0)
            {
                failures.Add($"{rule} has no expected diagnostic in the spec corpus");
            }

            if (fp > 0 || fn > 0)
            {
                failures.Add($"{rule}: {fp} false positive(s), {fn} miss(es)");
            }
        }

        foreach (var line in report)
        {
            Write(line);
        }

        foreach (var diagnostic in diagnostics.Where(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Length < 40))
        {
            failures.Add($"{diagnostic.Id} message too short to state a reason: {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}");
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private void Write(string line)
    {
        _output.WriteLine(line);
        Console.WriteLine(line);
    }
}
