using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SecureLogging.Analyzers.Rules;

/// <summary>Reports objects with secret or card members written to a log whole (SL1004).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DoNotLogSensitiveObjectsAnalyzer : SensitiveDataAnalyzerBase
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.SL1004_SensitiveObjectWrittenToLog);

    private protected override DiagnosticDescriptor Rule => Descriptors.SL1004_SensitiveObjectWrittenToLog;
}
