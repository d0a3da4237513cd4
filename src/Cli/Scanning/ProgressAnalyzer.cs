using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SecureLogging.Cli.Scanning;

/// <summary>Reports nothing: it only counts files whose semantic analysis finished, for <see cref="ScanProgress"/>.</summary>
#pragma warning disable RS1001, RS1036, RS2008 // Hosted by securelog only, never shipped in the analyzer package.
internal sealed class ProgressAnalyzer : DiagnosticAnalyzer
{
    private readonly ScanProgress _progress;

    public ProgressAnalyzer(ScanProgress progress) => _progress = progress;

    // Never reported; an analyzer without an enabled descriptor would be skipped by the driver as fully suppressed.
    private static readonly DiagnosticDescriptor Marker = new(
        "SLSCAN", "securelog scan progress", "unused", "Progress", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Marker);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze);
        context.EnableConcurrentExecution();
        context.RegisterSemanticModelAction(_ => _progress.Advance());
    }
}
#pragma warning restore RS1001, RS1036, RS2008
