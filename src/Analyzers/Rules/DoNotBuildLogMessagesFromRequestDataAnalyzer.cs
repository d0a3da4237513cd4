using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecureLogging.Analyzers.Internal;
using SecureLogging.Analyzers.Internal.Logging;
using SecureLogging.Analyzers.Internal.Requests;

namespace SecureLogging.Analyzers.Rules;

/// <summary>
/// SL3001: request text (query, form, headers, cookies, path, body, model-bound parameters) interpolated or
/// concatenated into the message of a logging call (SPEC §4; security events excluded: the runtime neutralises their
/// fields). A CR/LF in it forges log lines; as a template argument, structured sinks encode it. Reported at the hole or
/// operand of the message; values passed as template arguments are not reported.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DoNotBuildLogMessagesFromRequestDataAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.SL3001_LogForging);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var requests = new RequestDataSource(context.Compilation);
        if (!requests.IsAvailable)
        {
            return;
        }

        var logging = SensitiveDataAnalysis.Get(context.Compilation);
        if (!logging.Logging.HasAnyLoggingApi)
        {
            return;
        }

        context.RegisterOperationAction(
            operationContext => Analyze(operationContext, logging, requests),
            OperationKind.Invocation);
    }

    private static void Analyze(OperationAnalysisContext context, SensitiveDataAnalysis logging, RequestDataSource requests)
    {
        // The call is recognised once for SL1001–SL1004 and this rule (cached per compilation).
        var call = logging.CallFor((IInvocationOperation)context.Operation);
        if (call is null || call.Message is null || call.IsSecurityEvent)
        {
            return;
        }

        var message = call.Message.Syntax.Span;
        foreach (var value in call.Values)
        {
            if (value.Shape is not (LoggedValueShape.InterpolationHole or LoggedValueShape.ConcatenationOperand)
                || !message.Contains(value.ReportNode.Span))
            {
                continue;
            }

            if (requests.IsRequestText(value.Value, out var reason))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.SL3001_LogForging,
                    value.ReportNode.GetLocation(),
                    Display.Of(value.ReportNode),
                    reason));
            }
        }
    }
}
