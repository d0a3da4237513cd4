using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SecureLogging.Analyzers.CodeFixes.Internal;

namespace SecureLogging.Analyzers.CodeFixes.Rules;

/// <summary>
/// SL1001–SL1005: wrap the value in the <c>Redact.*</c> its kind calls for, or remove it (and its placeholder) from the
/// call; for a whole object (SL1004, and SL1003 on an object), log an anonymous object of its non-sensitive members. The recommended action comes first and shares one equivalence key across kinds, so Fix
/// All — and <c>dotnet format analyzers</c>, which applies the first action of the first diagnostic everywhere — redacts
/// each value the right way and removes the ones that must never be logged (CVV/CVC/PIN).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SensitiveValueCodeFixProvider))]
[Shared]
public sealed class SensitiveValueCodeFixProvider : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        DiagnosticIds.SecretWrittenToLog,
        DiagnosticIds.CardDataWrittenToLog,
        DiagnosticIds.PersonalDataWrittenToLog,
        DiagnosticIds.SensitiveObjectWrittenToLog,
        DiagnosticIds.SecretInExceptionMessage);

    public override FixAllProvider GetFixAllProvider() => SensitiveValueFixAllProvider.Instance;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var document = context.Document;
        var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (SensitiveDiagnostic.Create(root, diagnostic) is not { } target)
            {
                continue;
            }

            if (target.Node is ParameterSyntax parameter)
            {
                // [LoggerMessage] parameter: nothing to wrap at the declaration; removing it edits every caller.
                if (LoggerMessageParameterRemoval.CanRemove(model, parameter, context.CancellationToken))
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(
                            $"Remove '{parameter.Identifier.ValueText}' from the log message and its callers",
                            ct => LoggerMessageParameterRemoval.RemoveAsync(document, parameter, ct),
                            SensitiveValueFixer.ProtectKey),
                        diagnostic);
                }

                continue;
            }

            var (protect, remove) = SensitiveValueFixer.Describe(model, target, document.Project.AnalyzerOptions, context.CancellationToken);
            var diagnostics = ImmutableArray.Create(diagnostic);
            if (protect is not null)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(protect, ct => SensitiveValueFixer.ApplyAsync(document, diagnostics, SensitiveFix.Protect, ct), SensitiveValueFixer.ProtectKey),
                    diagnostic);
            }

            if (remove is not null)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(remove, ct => SensitiveValueFixer.ApplyAsync(document, diagnostics, SensitiveFix.Remove, ct), SensitiveValueFixer.RemoveKey),
                    diagnostic);
            }
        }
    }
}
