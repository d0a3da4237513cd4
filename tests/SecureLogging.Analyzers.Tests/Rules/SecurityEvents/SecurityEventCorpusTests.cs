using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SecureLogging.Analyzers.Rules;
using SecureLogging.Analyzers.Tests.Verifiers;
using Xunit.Abstractions;

namespace SecureLogging.Analyzers.Tests.Rules.SecurityEvents;

/// <summary>
/// Scores SL2001–SL2005 on the handler corpus in <c>Corpus/SecurityEvents</c> (Identity UI pages, MVC and API
/// controllers, minimal APIs, services, wrappers, admin management, authorization, handlers, sensitive operations):
/// a line ending in <c>// expect: SLxxxx</c> must get that diagnostic, every other line none. Prints recall and
/// precision per rule and requires at least 95% of each.
/// </summary>
public partial class SecurityEventCorpusTests
{
    private const double Required = 0.95;
    private static readonly string[] RuleIds = ["SL2001", "SL2002", "SL2003", "SL2004", "SL2005"];

    private readonly ITestOutputHelper _output;

    public SecurityEventCorpusTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task CorpusRecallAndPrecisionPerRule()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Corpus", "SecurityEvents");
        var files = Directory.GetFiles(folder, "*.cs").OrderBy(f => f, StringComparer.Ordinal).ToArray();
        Assert.NotEmpty(files);

        var parseOptions = new CSharpParseOptions(LanguageVersion.CSharp12);
        var trees = files.Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), parseOptions, path: Path.GetFileName(f))).ToArray();
        var references = (await TestReferences.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None)).AddRange(TestReferences.All);
        var compilation = CSharpCompilation.Create(
            "Corpus",
            trees,
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        Assert.True(errors.Length == 0, "The corpus must compile:\n" + string.Join("\n", errors.Take(20)));

        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(
            new AuthenticationWithoutEventAnalyzer(),
            new AuthenticationOutcomePartiallyLoggedAnalyzer(),
            new AuthorizationDenialWithoutEventAnalyzer(),
            new AccountChangeWithoutEventAnalyzer(),
            new SensitiveOperationWithoutEventAnalyzer());
        var diagnostics = await compilation.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");

        var expected = new HashSet<(string File, int Line, string Id)>();
        foreach (var tree in trees)
        {
            var lines = tree.GetText().Lines;
            foreach (var line in lines)
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

        var failures = new List<string>();
        foreach (var rule in RuleIds)
        {
            var want = expected.Where(e => e.Id == rule).ToHashSet();
            var got = actual.Where(a => a.Id == rule).ToHashSet();
            var truePositives = got.Count(want.Contains);
            var recall = want.Count == 0 ? 1.0 : (double)truePositives / want.Count;
            var precision = got.Count == 0 ? 1.0 : (double)truePositives / got.Count;
            _output.WriteLine($"{rule}: expected {want.Count}, reported {got.Count}, true positives {truePositives}, recall {recall:P1}, precision {precision:P1}");
            foreach (var missed in want.Where(w => !got.Contains(w)))
            {
                _output.WriteLine($"  missed   {missed.File}:{missed.Line}");
            }

            foreach (var extra in got.Where(g => !want.Contains(g)))
            {
                _output.WriteLine($"  spurious {extra.File}:{extra.Line}");
            }

            if (recall < Required || precision < Required)
            {
                failures.Add($"{rule}: recall {recall:P1}, precision {precision:P1}");
            }
        }

        Assert.True(expected.Count >= 50, "the corpus lost its expectations");
        Assert.True(failures.Count == 0, string.Join("; ", failures));
    }

    [GeneratedRegex(@"//\s*expect:\s*([A-Z0-9,\s]+)$")]
    private static partial Regex ExpectPattern();
}
