using System.Threading;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using SecureLogging.Analyzers.Internal;

namespace SecureLogging.Analyzers.CodeFixes.Internal;

/// <summary>Which fix a code action applies.</summary>
internal enum SensitiveFix
{
    /// <summary>The recommended fix: wrap in the kind's <c>Redact.*</c>; remove where nothing may be logged (CVV) or nothing else compiles.</summary>
    Protect,

    /// <summary>Take the value out of the call.</summary>
    Remove,
}

/// <summary>
/// Applies SL1001–SL1005 fixes to a document, one diagnostic after the other on a tree that tracks every reported
/// node, so that several fixes in one call (two placeholders of one template, two holes of one string) compose. The
/// same code serves a single fix and Fix All. Never throws on odd code: a diagnostic it cannot fix is left as is.
/// </summary>
internal static class SensitiveValueFixer
{
    public const string ProtectKey = "SecureLogging.Protect";
    public const string RemoveKey = "SecureLogging.Remove";

    private enum Step
    {
        Wrap,
        Remove,
        SafeMembers,
    }

    /// <summary>What the fixes would do for one diagnostic: the titles of the applicable actions, null when not applicable.</summary>
    public static (string? Protect, string? Remove) Describe(SemanticModel model, SensitiveDiagnostic target, AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var name = SyntaxHelpers.NameOf(target.Node) ?? "the value";
        var where = target.Diagnostic.Id == "SL1005" || target.Shape == "ExceptionMessageOperand" ? "the exception message" : "the log message";
        var removeTitle = $"Remove '{name}' from {where}";
        var protect = Choose(model, target, SensitiveFix.Protect, options, cancellationToken, out var method);
        var remove = Choose(model, target, SensitiveFix.Remove, options, cancellationToken, out _);
        string? protectTitle = protect switch
        {
            Step.Wrap => $"Wrap '{name}' in Redact.{method}(…)",
            Step.Remove => removeTitle,
            Step.SafeMembers => $"Log only the non-sensitive members of '{name}'",
            _ => null,
        };

        return (protectTitle, remove == Step.Remove && protect != Step.Remove ? removeTitle : null);
    }

    public static SensitiveFix FromEquivalenceKey(string? key) => key == RemoveKey ? SensitiveFix.Remove : SensitiveFix.Protect;

    public static async Task<Document> ApplyAsync(Document document, ImmutableArray<Diagnostic> diagnostics, SensitiveFix fix, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var targets = new List<SensitiveDiagnostic>();
        foreach (var diagnostic in diagnostics)
        {
            if (SensitiveDiagnostic.Create(root, diagnostic) is { } target)
            {
                targets.Add(target);
            }
        }

        if (targets.Count == 0)
        {
            return document;
        }

        // Last first: a fix never moves the nodes of the diagnostics still to come, and tracking covers the rest.
        targets.Sort((a, b) => b.Node.SpanStart.CompareTo(a.Node.SpanStart));
        root = root.TrackNodes(targets.Select(t => t.Node).Distinct());
        document = document.WithSyntaxRoot(root);
        var addUsing = false;
        var options = document.Project.AnalyzerOptions;

        foreach (var original in targets)
        {
            cancellationToken.ThrowIfCancellationRequested();
            root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            var current = root?.GetCurrentNode(original.Node);
            if (root is null || model is null || current is null || SensitiveDiagnostic.Create(root, original.Diagnostic, current) is not { } target)
            {
                continue;
            }

            var newRoot = TryApply(root, model, target, fix, options, ref addUsing, cancellationToken);

            if (newRoot is not null)
            {
                document = document.WithSyntaxRoot(newRoot);
            }
        }

        if (addUsing && await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is CompilationUnitSyntax unit)
        {
            document = document.WithSyntaxRoot(UsingDirectives.Add(unit, UsingDirectives.Namespace));
        }

        return document;
    }

    private static SyntaxNode? TryApply(SyntaxNode root, SemanticModel model, SensitiveDiagnostic target, SensitiveFix fix, AnalyzerOptions options, ref bool addUsing, CancellationToken cancellationToken)
    {
        try
        {
            return Choose(model, target, fix, options, cancellationToken, out var method) switch
            {
                Step.Wrap => Wrap(root, model, target, method!, ref addUsing, cancellationToken),
                Step.Remove => ValueRemoval.TryRemove(model, target, cancellationToken) is { } edit ? root.ReplaceNode(edit.Old, edit.New) : null,
                Step.SafeMembers => SafeMembersObject.TryCreate(model, target.Expression!, options, cancellationToken) is { } safe ? root.ReplaceNode(target.Expression!, safe) : null,
                _ => null,
            };
        }
        catch (System.InvalidCastException)
        {
            // The syntax factory rejects a replacement that does not fit its slot (broken code the checks above did not
            // foresee): leave this diagnostic unfixed rather than fail the whole document.
            return null;
        }
    }

    private static Step? Choose(SemanticModel model, SensitiveDiagnostic target, SensitiveFix fix, AnalyzerOptions options, CancellationToken cancellationToken, out string? method)
    {
        method = null;
        if (target.Expression is { } expression && model.GetOperation(expression, cancellationToken) is null)
        {
            // A type name, a member name being declared, code that does not bind: not a value that can be fixed.
            return null;
        }

        if (target.Shape == "ObjectArgument")
        {
            // The whole object goes through the sink: keep what is safe of it, there is nothing to wrap or remove.
            return fix == SensitiveFix.Protect && target.Expression is { } value && SafeMembersObject.TryCreate(model, value, options, cancellationToken) is not null
                ? Step.SafeMembers
                : null;
        }

        var canRemove = ValueRemoval.TryRemove(model, target, cancellationToken) is not null;
        if (fix == SensitiveFix.Remove || target.MustBeRemoved)
        {
            return canRemove ? Step.Remove : null;
        }

        method = RedactWrapping.TryGetMethod(model, target, cancellationToken);
        if (method is not null)
        {
            return Step.Wrap;
        }

        return canRemove ? Step.Remove : null;
    }

    private static SyntaxNode Wrap(SyntaxNode root, SemanticModel model, SensitiveDiagnostic target, string method, ref bool addUsing, CancellationToken cancellationToken)
    {
        var expression = target.Expression!;
        var type = model.GetTypeInfo(expression, cancellationToken).Type;
        var qualified = false;
        var redact = model.Compilation.GetBestTypeByMetadataName(RedactWrapping.RedactTypeName);
        var visible = model.LookupSymbols(expression.SpanStart, name: "Redact");
        if (visible.IsEmpty)
        {
            addUsing = true;
        }
        else if (!visible.Any(s => SymbolEqualityComparer.Default.Equals(s, redact)))
        {
            // Something else called Redact is in scope here: spell the runtime's out.
            qualified = true;
        }

        var wrapped = RedactWrapping.Wrap(expression, type, method, qualified);
        switch (target.Node)
        {
            case AnonymousObjectMemberDeclaratorSyntax { NameEquals: null } declarator when SyntaxHelpers.NameOf(expression) is { } name:
                // new { password } → new { password = Redact.Secret(password) }: the member keeps its name.
                return root.ReplaceNode(declarator, declarator
                    .WithNameEquals(SyntaxFactory.NameEquals(SyntaxFactory.IdentifierName(name)))
                    .WithExpression(wrapped.WithoutLeadingTrivia())
                    .WithLeadingTrivia(declarator.GetLeadingTrivia()));
            case AnonymousObjectMemberDeclaratorSyntax { NameEquals: null }:
                return root;
        }

        if (expression.Parent is InterpolationSyntax { FormatClause: not null } hole)
        {
            // A number format means nothing for the redacted text.
            return root.ReplaceNode(hole, hole.WithExpression(wrapped).WithFormatClause(null));
        }

        return root.ReplaceNode(expression, wrapped);
    }
}
