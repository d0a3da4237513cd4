using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SecureLogging.Analyzers.CodeFixes.Internal;

/// <summary>
/// Fix All for the sensitive-value fixes, in document, project and solution. The batch fixer merges independent text
/// edits and drops overlapping ones, but two values of one call overlap (one template, one argument list, one
/// <c>using</c>): each document's values are fixed here in one pass that applies the fixes one after the other. A
/// <c>[LoggerMessage]</c> parameter is a solution-wide edit (the declaration, its placeholder and every caller's
/// argument), so those are removed afterwards, one parameter at a time, on the solution the value fixes produced.
/// </summary>
internal sealed class SensitiveValueFixAllProvider : FixAllProvider
{
    private static readonly FixAllScope[] Scopes = { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

    private SensitiveValueFixAllProvider()
    {
    }

    public static FixAllProvider Instance { get; } = new SensitiveValueFixAllProvider();

    public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() => Scopes;

    public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
    {
        var byDocument = new List<(Document Document, ImmutableArray<Diagnostic> Diagnostics)>();
        foreach (var document in DocumentsInScope(fixAllContext))
        {
            var diagnostics = await fixAllContext.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false);
            if (!diagnostics.IsDefaultOrEmpty)
            {
                byDocument.Add((document, diagnostics));
            }
        }

        if (byDocument.Count == 0)
        {
            return null;
        }

        var fix = SensitiveValueFixer.FromEquivalenceKey(fixAllContext.CodeActionEquivalenceKey);
        var solution = fixAllContext.Solution;
        return CodeAction.Create(
            "Protect every sensitive value",
            ct => FixAsync(solution, byDocument, fix, ct),
            fixAllContext.CodeActionEquivalenceKey);
    }

    private static IEnumerable<Document> DocumentsInScope(FixAllContext context)
    {
        switch (context.Scope)
        {
            case FixAllScope.Document:
                if (context.Document is not null)
                {
                    yield return context.Document;
                }

                break;
            case FixAllScope.Project:
                foreach (var document in context.Project.Documents)
                {
                    yield return document;
                }

                break;
            default:
                foreach (var project in context.Solution.Projects)
                {
                    foreach (var document in project.Documents)
                    {
                        yield return document;
                    }
                }

                break;
        }
    }

    private static async Task<Solution> FixAsync(
        Solution solution, List<(Document Document, ImmutableArray<Diagnostic> Diagnostics)> byDocument, SensitiveFix fix, CancellationToken cancellationToken)
    {
        // 1. Per document: mark the [LoggerMessage] parameters to remove (an annotation does not move any span, so the
        //    value diagnostics still point at their nodes), then apply the value fixes.
        var parameters = new List<(DocumentId Document, SyntaxAnnotation Annotation)>();
        foreach (var (original, diagnostics) in byDocument)
        {
            var document = solution.GetDocument(original.Id);
            var root = document is null ? null : await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = document is null ? null : await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (document is null || root is null || model is null)
            {
                continue;
            }

            var values = ImmutableArray.CreateBuilder<Diagnostic>();
            var marked = new Dictionary<SyntaxNode, SyntaxAnnotation>();
            foreach (var diagnostic in diagnostics)
            {
                var target = SensitiveDiagnostic.Create(root, diagnostic);
                if (target?.Node is ParameterSyntax parameter)
                {
                    if (!marked.ContainsKey(parameter) && LoggerMessageParameterRemoval.CanRemove(model, parameter, cancellationToken))
                    {
                        marked[parameter] = new SyntaxAnnotation("SecureLogging.RemoveParameter");
                    }
                }
                else if (target is not null)
                {
                    values.Add(diagnostic);
                }
            }

            if (marked.Count > 0)
            {
                root = root.ReplaceNodes(marked.Keys, (node, rewritten) => rewritten.WithAdditionalAnnotations(marked[node]));
                document = document.WithSyntaxRoot(root);
                foreach (var annotation in marked.Values)
                {
                    parameters.Add((document.Id, annotation));
                }
            }

            if (values.Count > 0)
            {
                document = await SensitiveValueFixer.ApplyAsync(document, values.ToImmutable(), fix, cancellationToken).ConfigureAwait(false);
            }

            solution = document.Project.Solution;
        }

        // 2. Each marked parameter, found again by its annotation in the solution as it now is.
        foreach (var (documentId, annotation) in parameters)
        {
            var document = solution.GetDocument(documentId);
            var root = document is null ? null : await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (document is null || root is null)
            {
                continue;
            }

            foreach (var node in root.GetAnnotatedNodes(annotation))
            {
                if (node is ParameterSyntax parameter)
                {
                    solution = await LoggerMessageParameterRemoval.RemoveAsync(document, parameter, cancellationToken).ConfigureAwait(false);
                    break;
                }
            }
        }

        return solution;
    }
}
