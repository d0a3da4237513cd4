using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SecureLogging.Cli.Scanning;

/// <summary>
/// Runs the package's analyzers over a target without touching it: restored projects through MSBuild, everything else
/// as loose files (<see cref="ScanTarget"/>), then turns the diagnostics into <see cref="Finding"/>s.
/// </summary>
internal sealed class Scanner
{
    private readonly ScanOptions _options;
    private readonly TextWriter _stderr;
    private readonly ConcurrentQueue<string> _notes = new();

    public Scanner(ScanOptions options, TextWriter stderr)
    {
        _options = options;
        _stderr = stderr;
    }

    public async Task<ScanResult> RunAsync(CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var target = ScanTarget.Resolve(_options.Target);
        var analyzers = AnalyzerCatalog.Create(_options.Rules);
        var rules = AnalyzerCatalog.AllRules.Where(r => _options.Rules is null || _options.Rules.Contains(r.Id)).ToArray();
        var diagnostics = new ConcurrentBag<Diagnostic>();
        var files = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
        var looseUnits = target.LooseUnits.ToList();

        using var progress = new ScanProgress(_stderr, _options.ShowProgress);

        if (target.MSBuildUnits.Count > 0)
        {
            var loading = Stopwatch.StartNew();
            var loaded = await MSBuildLoader.LoadAsync(target.MSBuildUnits, _notes, cancellationToken);
            _notes.Enqueue($"MSBuild: {loaded.Projects.Count} project(s) loaded in {loading.Elapsed.TotalSeconds:0.0} s");
            foreach (var failed in loaded.Failed)
            {
                looseUnits.Add(ScanTargetFallback(failed));
            }

            progress.AddTotal(loaded.Projects.Sum(p => p.Compilation.SyntaxTrees.Count()));
            foreach (var (name, compilation, options) in loaded.Projects)
            {
                var analysing = Stopwatch.StartNew();
                await AnalyzeAsync(compilation, options, analyzers, diagnostics, files, progress, cancellationToken);
                _notes.Enqueue($"{name}: loaded with MSBuild, {compilation.SyntaxTrees.Count()} files analysed in {analysing.Elapsed.TotalSeconds:0.0} s");
            }
        }

        if (looseUnits.Count > 0)
        {
            var editorConfig = EditorConfigOptions.Load(target.Root, target.ConfigFiles);
            progress.AddTotal(looseUnits.Sum(u => u.Files.Count));
            foreach (var unit in looseUnits)
            {
                if (unit.Files.Count == 0)
                {
                    continue;
                }

                var analysing = Stopwatch.StartNew();
                var (compilation, options) = LooseCompilation.Create(unit, editorConfig, cancellationToken);
                await AnalyzeAsync(compilation, options, analyzers, diagnostics, files, progress, cancellationToken);
                var took = $"{unit.Files.Count} files parsed and analysed in {analysing.Elapsed.TotalSeconds:0.0} s";
                _notes.Enqueue(unit.ProjectPath is null
                    ? $"{unit.Name}: loose files, compiled with bundled references; {took}"
                    : $"{unit.Name}: not restored, compiled as loose files with bundled references; {took}");
            }
        }

        progress.Complete();
        var findings = ToFindings(diagnostics, target.Root, rules);
        return new ScanResult(target.Root, findings, rules, files.Count, stopwatch.Elapsed, _notes.ToArray());
    }

    private static LooseUnit ScanTargetFallback(MSBuildUnit unit)
    {
        var dir = Path.GetDirectoryName(unit.ProjectPath)!;
        return new LooseUnit(Path.GetFileNameWithoutExtension(unit.ProjectPath), unit.ProjectPath, ScanTarget.EnumerateFiles(dir, "*.cs").ToArray());
    }

    /// <summary>
    /// Analyses one compilation in one pass, the way the compiler does (concurrently, compilation-end rules included);
    /// a tiny extra analyzer counts finished files for the progress line. (Asking tree by tree instead cost several
    /// times more CPU.)
    /// </summary>
    private async Task AnalyzeAsync(
        Compilation compilation,
        AnalyzerOptions options,
        ImmutableArray<DiagnosticAnalyzer> analyzers,
        ConcurrentBag<Diagnostic> diagnostics,
        ConcurrentDictionary<string, byte> files,
        ScanProgress progress,
        CancellationToken cancellationToken)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (File.Exists(tree.FilePath))
            {
                files.TryAdd(tree.FilePath, 0);
            }
        }

        var all = progress.Enabled ? analyzers.Add(new ProgressAnalyzer(progress)) : analyzers;
        var withAnalyzers = compilation.WithAnalyzers(all, new CompilationWithAnalyzersOptions(
            options,
            onAnalyzerException: (exception, analyzer, _) => _notes.Enqueue($"analyzer {analyzer.GetType().Name} failed: {exception.GetType().Name}: {exception.Message}"),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: false));

        foreach (var diagnostic in await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken))
        {
            diagnostics.Add(diagnostic);
        }
    }

    private IReadOnlyList<Finding> ToFindings(IEnumerable<Diagnostic> diagnostics, string root, IReadOnlyList<DiagnosticDescriptor> rules)
    {
        var ids = rules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var findings = new HashSet<Finding>();
        foreach (var diagnostic in diagnostics)
        {
            if (!ids.Contains(diagnostic.Id) || diagnostic.IsSuppressed || diagnostic.Severity < _options.MinimumSeverity
                || !diagnostic.Location.IsInSource || diagnostic.Location.SourceTree is not { } tree)
            {
                continue;
            }

            var span = diagnostic.Location.GetLineSpan();
            var lines = tree.GetText().Lines;
            var startLine = span.StartLinePosition.Line;
            var lineText = startLine < lines.Count ? lines[startLine].ToString().Trim() : string.Empty;
            if (lineText.Length > 240)
            {
                lineText = lineText[..240] + "…";
            }

            findings.Add(new Finding(
                diagnostic.Id,
                diagnostic.Severity,
                diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture),
                tree.FilePath,
                RelativePath(root, tree.FilePath),
                startLine + 1,
                span.StartLinePosition.Character + 1,
                span.EndLinePosition.Line + 1,
                span.EndLinePosition.Character + 1,
                lineText));
        }

        return findings
            .OrderBy(f => f.RelativePath, StringComparer.Ordinal)
            .ThenBy(f => f.Line)
            .ThenBy(f => f.Column)
            .ThenBy(f => f.RuleId, StringComparer.Ordinal)
            .ToArray();
    }

    private static string RelativePath(string root, string path)
    {
        var relative = Path.GetRelativePath(root, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative)
            ? path.Replace('\\', '/')
            : relative.Replace('\\', '/');
    }
}
