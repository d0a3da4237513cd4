using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SecureLogging.Analyzers.CodeFixes.Internal;

namespace SecureLogging.Analyzers.CodeFixes.Rules;

/// <summary>SL3001: turn the interpolated or concatenated message into a template whose values are named arguments.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseTemplateForRequestDataCodeFixProvider))]
[Shared]
public sealed class UseTemplateForRequestDataCodeFixProvider : CodeFixProvider
{
    public const string EquivalenceKey = "SecureLogging.UseTemplate";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.LogForging);

    public override FixAllProvider GetFixAllProvider() => FixAll;

    private static FixAllProvider FixAll { get; } = FixAllProvider.Create((context, document, diagnostics) => ConvertAsync(document, diagnostics, context.CancellationToken)!);

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var reported = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (MessageTemplateConversion.FindMessage(reported) is not { } message
                || MessageTemplateConversion.TryConvert(model, message, context.CancellationToken) is null)
            {
                continue;
            }

            var display = reported.ToString();
            if (display.Length > 40)
            {
                display = display.Substring(0, 39) + "…";
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Pass '{display}' as a template argument",
                    ct => ConvertAsync(context.Document, ImmutableArray.Create(diagnostic), ct),
                    EquivalenceKey),
                diagnostic);
        }
    }

    /// <summary>Converts each distinct message once, however many of its holes were reported.</summary>
    private static async Task<Document> ConvertAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var messages = new List<ExpressionSyntax>();
        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic.Location.IsInSource && root.FullSpan.Contains(diagnostic.Location.SourceSpan)
                && MessageTemplateConversion.FindMessage(root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true)) is { } message
                && !messages.Contains(message))
            {
                messages.Add(message);
            }
        }

        if (messages.Count == 0)
        {
            return document;
        }

        root = root.TrackNodes(messages);
        document = document.WithSyntaxRoot(root);
        foreach (var original in messages.OrderByDescending(m => m.SpanStart))
        {
            root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root?.GetCurrentNode(original) is not { } current || model is null
                || MessageTemplateConversion.TryConvert(model, current, cancellationToken) is not { } edit)
            {
                continue;
            }

            document = document.WithSyntaxRoot(root.ReplaceNode(edit.Old, edit.New));
        }

        return document;
    }
}
