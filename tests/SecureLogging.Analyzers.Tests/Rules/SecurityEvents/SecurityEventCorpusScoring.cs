using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit.Abstractions;

namespace SecureLogging.Analyzers.Tests.Rules.SecurityEvents;

/// <summary>
/// Scores SL2001–SL2005 on a corpus folder: a line ending in <c>// expect: SLxxxx</c> must get that diagnostic, every
/// other line none. Compiles the folder as one library with <see cref="AnalyzerRunner"/> (it must compile), applies the folder's
/// <c>corpus.editorconfig</c> when there is one, prints recall and precision per rule with every miss and false alarm,
/// and returns the rules below the required figure.
/// </summary>
internal static partial class SecurityEventCorpusScoring
{
    public static readonly string[] RuleIds = ["SL2001", "SL2002", "SL2003", "SL2004", "SL2005"];

    public static async Task<(int Expected, List<string> Failures)> ScoreAsync(string folder, double required, ITestOutputHelper output)
    {
        var files = Directory.GetFiles(folder, "*.cs").OrderBy(f => f, StringComparer.Ordinal).ToArray();
        Assert.NotEmpty(files);

        var parseOptions = new CSharpParseOptions(LanguageVersion.CSharp12);
        var trees = files.Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), parseOptions, path: Path.GetFileName(f))).ToArray();
        var editorConfig = Path.Combine(folder, "corpus.editorconfig");

        // The runner fails on a corpus that does not compile and on an analyzer that throws (AD0001).
        var diagnostics = await AnalyzerRunner.RunAsync(
            trees,
            File.Exists(editorConfig) ? File.ReadAllText(editorConfig) : null,
            OutputKind.DynamicallyLinkedLibrary,
            SecurityEventTestSources.AllRules());

        var expected = new HashSet<(string File, int Line, string Id)>();
        foreach (var tree in trees)
        {
            foreach (var line in tree.GetText().Lines)
            {
                var match = ExpectPattern().Match(line.ToString());
                if (match.Success)
                {
                    foreach (var id in match.Groups[1].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        expected.Add((tree.FilePath, line.LineNumber + 1, id));
                    }
                }
            }
        }

        var actual = diagnostics
            .Where(d => RuleIds.Contains(d.Id))
            .Select(d => (File: d.Location.SourceTree!.FilePath, Line: d.Location.GetLineSpan().StartLinePosition.Line + 1, d.Id))
            .ToHashSet();

        // A rule reporting the same line twice (two diagnostics where one is due) is a false alarm the set would hide.
        foreach (var duplicate in diagnostics.Where(d => RuleIds.Contains(d.Id)).GroupBy(d => (d.Id, d.Location.SourceSpan, d.Location.SourceTree)).Where(g => g.Count() > 1))
        {
            output.WriteLine($"  duplicate {duplicate.Key.Id} at {duplicate.Key.SourceTree!.FilePath}:{duplicate.First().Location.GetLineSpan().StartLinePosition.Line + 1}");
        }

        var failures = new List<string>();
        output.WriteLine($"{Path.GetFileName(folder)}: {files.Length} files, {expected.Count} expected diagnostics");
        foreach (var rule in RuleIds)
        {
            var want = expected.Where(e => e.Id == rule).ToHashSet();
            var got = actual.Where(a => a.Id == rule).ToHashSet();
            var truePositives = got.Count(want.Contains);
            var recall = want.Count == 0 ? 1.0 : (double)truePositives / want.Count;
            var precision = got.Count == 0 ? 1.0 : (double)truePositives / got.Count;
            output.WriteLine($"{rule}: expected {want.Count}, reported {got.Count}, true positives {truePositives}, recall {recall:P1}, precision {precision:P1}");
            foreach (var missed in want.Where(w => !got.Contains(w)).OrderBy(w => w.File).ThenBy(w => w.Line))
            {
                output.WriteLine($"  missed   {missed.File}:{missed.Line}");
            }

            foreach (var extra in got.Where(g => !want.Contains(g)).OrderBy(g => g.File).ThenBy(g => g.Line))
            {
                output.WriteLine($"  spurious {extra.File}:{extra.Line}");
            }

            if (recall < required || precision < required)
            {
                failures.Add($"{rule}: recall {recall:P1}, precision {precision:P1}");
            }
        }

        return (expected.Count, failures);
    }

    [GeneratedRegex(@"//\s*expect:\s*([A-Z0-9,\s]+)$")]
    private static partial Regex ExpectPattern();
}
