using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SecureLogging.Analyzers.Internal.SecurityEvents;

namespace SecureLogging.Analyzers.Rules;

/// <summary>
/// SL2001: an authentication API (sign-in, password check, sign-out, MFA, password change, a failure hook, a custom
/// handler's result) through which no path emits a security event (SPEC §6).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AuthenticationWithoutEventAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.SL2001_AuthenticationWithoutEvent);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start => ApiCoverage.Register(start, verdict =>
            verdict.Kind == ApiVerdictKind.NoEvent && verdict.Api.Category == SecurityApiCategory.Authentication
                ? Diagnostic.Create(Descriptors.SL2001_AuthenticationWithoutEvent, verdict.Node.GetLocation(), verdict.Properties, verdict.DisplayName, verdict.DisplayDescription)
                : null));
    }
}
