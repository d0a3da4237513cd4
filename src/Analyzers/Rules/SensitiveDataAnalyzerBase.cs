using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecureLogging.Analyzers.Internal;
using SecureLogging.Analyzers.Internal.Logging;

namespace SecureLogging.Analyzers.Rules;

/// <summary>
/// SL1001–SL1004 share one pass: the first of them to see a call judges it (<see cref="SensitiveDataAnalysis"/>), each
/// reports the findings of its own rule. Symbols are resolved once per compilation; nothing is registered when no
/// logging API is visible.
/// </summary>
public abstract class SensitiveDataAnalyzerBase : DiagnosticAnalyzer
{
    private protected abstract DiagnosticDescriptor Rule { get; }

    public sealed override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var analysis = SensitiveDataAnalysis.Get(context.Compilation);
        if (!analysis.Logging.HasAnyLoggingApi)
        {
            return;
        }

        var rule = Rule;
        context.RegisterOperationAction(
            operationContext =>
            {
                var findings = analysis.FindingsFor((IInvocationOperation)operationContext.Operation, operationContext.Options);
                foreach (var finding in findings)
                {
                    if (finding.RuleId == rule.Id)
                    {
                        operationContext.ReportDiagnostic(finding.ToDiagnostic(rule));
                    }
                }
            },
            OperationKind.Invocation);

        if (analysis.Logging.MelLoggerMessageAttribute is not null)
        {
            context.RegisterSymbolAction(
                symbolContext =>
                {
                    var method = (IMethodSymbol)symbolContext.Symbol;
                    // The implementation part of a partial [LoggerMessage] method (normally generated) repeats the
                    // declaration: the diagnostic belongs to the declaration the developer wrote.
                    if (method.Parameters.Length == 0 || method.DeclaringSyntaxReferences.Length == 0 || method.PartialDefinitionPart is not null ||
                        !LoggerMessageMethods.IsLoggerMessageMethod(method, analysis.Logging))
                    {
                        return;
                    }

                    var tree = method.DeclaringSyntaxReferences[0].SyntaxTree;
                    var classifier = analysis.ClassifierFor(symbolContext.Options, tree);
                    foreach (var finding in SensitiveValueJudge.JudgeLoggerMessageMethod(method, analysis.Recognizer, classifier))
                    {
                        if (finding.RuleId == rule.Id)
                        {
                            symbolContext.ReportDiagnostic(finding.ToDiagnostic(rule));
                        }
                    }
                },
                SymbolKind.Method);
        }
    }
}
