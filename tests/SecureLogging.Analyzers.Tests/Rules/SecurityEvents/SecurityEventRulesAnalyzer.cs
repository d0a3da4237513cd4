using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SecureLogging.Analyzers.Rules;

namespace SecureLogging.Analyzers.Tests.Rules.SecurityEvents;

/// <summary>
/// SL2001, SL2002 and SL2004 as one analyzer, for fix tests: a fix on one API can turn another API's SL2001 into SL2002
/// (an event now covers some of its paths), and the verifier applies fixes iteratively to whatever is still reported.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SecurityEventRulesAnalyzer : DiagnosticAnalyzer
{
    private readonly DiagnosticAnalyzer[] _rules =
    [
        new AuthenticationWithoutEventAnalyzer(),
        new AuthenticationOutcomePartiallyLoggedAnalyzer(),
        new AccountChangeWithoutEventAnalyzer(),
    ];

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => _rules.SelectMany(r => r.SupportedDiagnostics).ToImmutableArray();

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        foreach (var rule in _rules)
        {
            rule.Initialize(context);
        }
    }
}
