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

    public static async Task<ImmutableArray<Diagnostic>> RunAsync(IReadOnlyList<string> sources, string? editorConfig, params DiagnosticAnalyzer[] analyzers)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.CSharp12);
        var trees = sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, parseOptions, path: $"/src/File{i}.cs")).ToArray();
        var compilation = CSharpCompilation.Create(
            "Corpus",
            trees,
            await References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("The source does not compile:\n" + string.Join("\n", errors.Take(20)));
        }

        var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty);
        var withAnalyzers = compilation.WithAnalyzers(analyzers.ToImmutableArray(), options);
        var result = await withAnalyzers.GetAnalysisResultAsync(CancellationToken.None);
        var exceptions = result.AnalyzerTelemetryInfo.Count;
        _ = exceptions;
        var all = await withAnalyzers.GetAllDiagnosticsAsync(CancellationToken.None);
        var failures = all.Where(d => d.Id == "AD0001").ToList();
        if (failures.Count > 0)
        {
            throw new InvalidOperationException("An analyzer threw:\n" + string.Join("\n", failures));
        }

        return all.Where(d => d.Id.StartsWith("SL", StringComparison.Ordinal)).ToImmutableArray();
    }
}
