using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SecureLogging.Analyzers.Tests.Verifiers;

namespace SecureLogging.Analyzers.Tests.Rules;

/// <summary>Runs analyzers over plain source against the full test reference set and returns their diagnostics (for property and corpus checks).</summary>
internal static class AnalyzerRunner
{
    private static readonly Lazy<Task<ImmutableArray<MetadataReference>>> References = new(async () =>
    {
        var framework = await TestReferences.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        return framework.AddRange(TestReferences.All);
    });

    public static Task<ImmutableArray<Diagnostic>> RunAsync(string source, params DiagnosticAnalyzer[] analyzers)
        => RunAsync(new[] { source }, null, analyzers);

    public static Task<ImmutableArray<Diagnostic>> RunAsync(IReadOnlyList<string> sources, string? editorConfig, params DiagnosticAnalyzer[] analyzers)
        => RunAsync(sources, editorConfig, OutputKind.DynamicallyLinkedLibrary, analyzers);

    /// <summary>Runs over sources compiled as <paramref name="outputKind"/> (an application, for rules that judge only applications).</summary>
    public static async Task<ImmutableArray<Diagnostic>> RunAsync(IReadOnlyList<string> sources, string? editorConfig, OutputKind outputKind, params DiagnosticAnalyzer[] analyzers)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.CSharp12);
        var trees = sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, parseOptions, path: $"/src/File{i}.cs")).ToArray();
        return await RunAsync(trees, editorConfig, outputKind, analyzers);
    }

    /// <summary>Runs over parsed trees (their paths are kept: a <c>.g.cs</c> tree is generated code).</summary>
    public static async Task<ImmutableArray<Diagnostic>> RunAsync(IReadOnlyList<SyntaxTree> trees, string? editorConfig, OutputKind outputKind, params DiagnosticAnalyzer[] analyzers)
    {
        var compilation = CSharpCompilation.Create(
            "Corpus",
            trees,
            await References.Value,
            new CSharpCompilationOptions(outputKind, nullableContextOptions: NullableContextOptions.Enable));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("The source does not compile:\n" + string.Join("\n", errors.Take(20)));
        }

        var options = editorConfig is null
            ? new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty)
            : new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new EditorConfigOptionsProvider(editorConfig));
        var withAnalyzers = compilation.WithAnalyzers(analyzers.ToImmutableArray(), options);
        var all = await withAnalyzers.GetAllDiagnosticsAsync(CancellationToken.None);
        var failures = all.Where(d => d.Id == "AD0001").ToList();
        if (failures.Count > 0)
        {
            throw new InvalidOperationException("An analyzer threw:\n" + string.Join("\n", failures));
        }

        return all.Where(d => d.Id.StartsWith("SL", StringComparison.Ordinal)).ToImmutableArray();
    }

    /// <summary>The <c>key = value</c> lines of an .editorconfig text, applied to every file (sections are ignored).</summary>
    private sealed class EditorConfigOptionsProvider : AnalyzerConfigOptionsProvider
    {
        private readonly Options _options;

        public EditorConfigOptionsProvider(string editorConfig)
        {
            var values = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var raw in editorConfig.Split('\n'))
            {
                var line = raw.Trim();
                var equals = line.IndexOf('=', StringComparison.Ordinal);
                if (line.Length == 0 || line[0] is '#' or ';' or '[' || equals < 0)
                {
                    continue;
                }

                values[line[..equals].Trim()] = line[(equals + 1)..].Trim();
            }

            _options = new Options(values.ToImmutable());
        }

        public override AnalyzerConfigOptions GlobalOptions => _options;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _options;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _options;

        private sealed class Options(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
        }
    }
}
