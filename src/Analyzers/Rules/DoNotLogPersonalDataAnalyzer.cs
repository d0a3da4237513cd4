using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SecureLogging.Analyzers.Rules;

/// <summary>Reports personal data written to a log unmasked (SL1003).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DoNotLogPersonalDataAnalyzer : SensitiveDataAnalyzerBase
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.SL1003_PersonalDataWrittenToLog);

    private protected override DiagnosticDescriptor Rule => Descriptors.SL1003_PersonalDataWrittenToLog;
}
