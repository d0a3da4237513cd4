using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SecureLogging.Analyzers.Internal.SecurityEvents;

namespace SecureLogging.Analyzers.Rules;

/// <summary>
/// SL2002: an authentication API with an outcome whose success or failure path (lockout included, two-factor excepted)
/// emits no security event while another path does (SPEC §6).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AuthenticationOutcomePartiallyLoggedAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.SL2002_AuthenticationOutcomePartiallyLogged);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start => ApiCoverage.Register(start, verdict =>
            verdict.Kind == ApiVerdictKind.Partial && verdict.Api.Category == SecurityApiCategory.Authentication
                ? Diagnostic.Create(Descriptors.SL2002_AuthenticationOutcomePartiallyLogged, verdict.Node.GetLocation(), verdict.Properties, verdict.DisplayName, verdict.DisplayMissingPaths)
                : null));
    }
}
