using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecureLogging.Analyzers.Internal;

namespace SecureLogging.Analyzers.Rules;

/// <summary>Reports secrets and card data built into the message of <c>new XxxException(…)</c> (SL1005).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DoNotPutSecretsInExceptionMessagesAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.SL1005_SecretInExceptionMessage);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(compilationContext =>
        {
            var analysis = SensitiveDataAnalysis.Get(compilationContext.Compilation);
            if (analysis.Logging.Exception is null)
            {
                return;
            }

            compilationContext.RegisterOperationAction(
                operationContext =>
                {
                    var creation = (IObjectCreationOperation)operationContext.Operation;

                    // Cheap filters first: a constructor with arguments, on a type that derives from Exception.
                    if (creation.Arguments.Length == 0 || !analysis.Logging.IsException(creation.Type))
                    {
                        return;
                    }

                    var classifier = analysis.ClassifierFor(operationContext.Options, creation.Syntax.SyntaxTree);
                    foreach (var finding in SensitiveValueJudge.JudgeExceptionMessage(creation, analysis.Logging, classifier))
                    {
                        operationContext.ReportDiagnostic(finding.ToDiagnostic(Descriptors.SL1005_SecretInExceptionMessage));
                    }
                },
                OperationKind.ObjectCreation);
        });
    }
}
