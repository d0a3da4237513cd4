using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace SecureLogging.Cli.Scanning;

/// <summary>
/// The <c>.editorconfig</c> / <c>.globalconfig</c> files that apply to loose files, evaluated the way the compiler
/// does (<see cref="AnalyzerConfigSet"/>): <c>dotnet_diagnostic.SLxxxx.severity</c> becomes each tree's diagnostic
/// options, and every key (<c>secure_logging.*</c> included) reaches the analyzers through
/// <see cref="AnalyzerConfigOptionsProvider"/>. MSBuild-loaded projects get the same from the workspace.
/// </summary>
internal sealed class EditorConfigOptions
{
    private readonly AnalyzerConfigSet _set;

    private EditorConfigOptions(AnalyzerConfigSet set) => _set = set;

    /// <summary>Config files under <paramref name="root"/> (already listed by the file walk) and in its ancestors.</summary>
    public static EditorConfigOptions Load(string root, IEnumerable<string> configFilesUnderRoot)
    {
        var paths = new List<string>(configFilesUnderRoot);
        for (var dir = Directory.GetParent(root); dir is not null; dir = dir.Parent)
        {
            foreach (var name in new[] { ".editorconfig", ".globalconfig" })
            {
                var candidate = Path.Combine(dir.FullName, name);
                if (File.Exists(candidate))
                {
                    paths.Add(candidate);
                }
            }
        }

        var configs = new List<AnalyzerConfig>();
        foreach (var path in paths.Distinct(StringComparer.Ordinal))
        {
            try
            {
                var text = SourceText.From(File.ReadAllText(path));
                configs.Add(AnalyzerConfig.Parse(text, path));
            }
            catch (IOException)
            {
                // An unreadable config is skipped like the compiler skips a missing one; the scan must not fail on it.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return new EditorConfigOptions(AnalyzerConfigSet.Create(configs, out _));
    }

    /// <summary>Options for the given trees: the compilation's per-tree severities and the analyzers' key/values.</summary>
    public (SyntaxTreeOptionsProvider TreeOptions, AnalyzerConfigOptionsProvider AnalyzerOptions) CreateProviders(IEnumerable<SyntaxTree> trees)
    {
        var severities = new Dictionary<SyntaxTree, ImmutableDictionary<string, ReportDiagnostic>>();
        var options = new Dictionary<SyntaxTree, AnalyzerConfigOptions>();
        foreach (var tree in trees)
        {
            var result = _set.GetOptionsForSourcePath(tree.FilePath);
            severities[tree] = result.TreeOptions;
            options[tree] = new DictionaryOptions(result.AnalyzerOptions);
        }

        var global = _set.GlobalConfigOptions;
        return (
            new TreeOptionsProvider(severities, global.TreeOptions, options),
            new OptionsProvider(options, new DictionaryOptions(global.AnalyzerOptions)));
    }

    private sealed class DictionaryOptions : AnalyzerConfigOptions
    {
        private readonly ImmutableDictionary<string, string> _values;

        public DictionaryOptions(ImmutableDictionary<string, string> values) => _values = values.WithComparers(KeyComparer);

        public override IEnumerable<string> Keys => _values.Keys;

        public override bool TryGetValue(string key, out string value) => _values.TryGetValue(key, out value!);
    }

    private sealed class OptionsProvider : AnalyzerConfigOptionsProvider
    {
        private static readonly AnalyzerConfigOptions Empty = new DictionaryOptions(ImmutableDictionary<string, string>.Empty);
        private readonly Dictionary<SyntaxTree, AnalyzerConfigOptions> _trees;

        public OptionsProvider(Dictionary<SyntaxTree, AnalyzerConfigOptions> trees, AnalyzerConfigOptions global)
        {
            _trees = trees;
            GlobalOptions = global;
        }

        public override AnalyzerConfigOptions GlobalOptions { get; }

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _trees.TryGetValue(tree, out var options) ? options : Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Empty;
    }

    private sealed class TreeOptionsProvider : SyntaxTreeOptionsProvider
    {
        private readonly Dictionary<SyntaxTree, ImmutableDictionary<string, ReportDiagnostic>> _trees;
        private readonly ImmutableDictionary<string, ReportDiagnostic> _global;
        private readonly Dictionary<SyntaxTree, AnalyzerConfigOptions> _options;

        public TreeOptionsProvider(
            Dictionary<SyntaxTree, ImmutableDictionary<string, ReportDiagnostic>> trees,
            ImmutableDictionary<string, ReportDiagnostic> global,
            Dictionary<SyntaxTree, AnalyzerConfigOptions> options)
        {
            _trees = trees;
            _global = global;
            _options = options;
        }

        public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken)
        {
            // `generated_code = true` in .editorconfig marks generated files, as in the compiler.
            if (_options.TryGetValue(tree, out var options) && options.TryGetValue("generated_code", out var value))
            {
                return string.Equals(value, "true", StringComparison.OrdinalIgnoreCase) ? GeneratedKind.MarkedGenerated : GeneratedKind.NotGenerated;
            }

            return GeneratedKind.Unknown;
        }

        public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
        {
            severity = ReportDiagnostic.Default;
            return _trees.TryGetValue(tree, out var values) && values.TryGetValue(diagnosticId, out severity);
        }

        public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
            => _global.TryGetValue(diagnosticId, out severity);
    }
}
