using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SecureLogging.Analyzers.Internal.SecurityEvents;

namespace SecureLogging.Analyzers.Rules;

/// <summary>
/// SL2004: an account or privilege API (user create/delete, role and claim grants and revokes, lockout and external-login
/// changes, role management) that no security event records on its success path (SPEC §6).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AccountChangeWithoutEventAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.SL2004_AccountChangeWithoutEvent);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start => ApiCoverage.Register(start, verdict =>
            verdict.Kind == ApiVerdictKind.NoEvent && verdict.Api.Category == SecurityApiCategory.Account
                ? Diagnostic.Create(Descriptors.SL2004_AccountChangeWithoutEvent, verdict.Node.GetLocation(), verdict.Properties, verdict.DisplayName, verdict.DisplayDescription)
                : null));
    }
}
