using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SecureLogging.Analyzers.Rules;

/// <summary>Reports secrets written to a log (SL1001).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DoNotLogSecretsAnalyzer : SensitiveDataAnalyzerBase
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.SL1001_SecretWrittenToLog);

    private protected override DiagnosticDescriptor Rule => Descriptors.SL1001_SecretWrittenToLog;
}
