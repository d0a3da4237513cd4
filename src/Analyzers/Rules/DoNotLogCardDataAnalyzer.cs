using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SecureLogging.Analyzers.Rules;

/// <summary>Reports payment card and bank data written to a log (SL1002).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DoNotLogCardDataAnalyzer : SensitiveDataAnalyzerBase
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.SL1002_CardDataWrittenToLog);

    private protected override DiagnosticDescriptor Rule => Descriptors.SL1002_CardDataWrittenToLog;
}
