using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.FindSymbols;
using Microsoft.CodeAnalysis.Operations;
using SecureLogging.Analyzers.Internal;

namespace SecureLogging.Analyzers.CodeFixes.Internal;

/// <summary>
/// Removes a sensitive parameter of a <c>[LoggerMessage]</c> method: the parameter, its placeholder in the attribute's
/// message (with its label), and the matching argument at every call site of the solution. A solution-wide edit, so it
/// is offered as a single fix (Fix All works per document and leaves these diagnostics alone).
/// </summary>
internal static class LoggerMessageParameterRemoval
{
    private const string LoggerMessageAttribute = "Microsoft.Extensions.Logging.LoggerMessageAttribute";

    public static bool CanRemove(SemanticModel model, ParameterSyntax parameter, CancellationToken cancellationToken)
        => Plan(model, parameter, cancellationToken) is not null;

    public static async Task<Solution> RemoveAsync(Document document, ParameterSyntax parameter, CancellationToken cancellationToken)
    {
        var solution = document.Project.Solution;
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (model is null || Plan(model, parameter, cancellationToken) is not { } plan)
        {
            return solution;
        }

        var edits = new Dictionary<DocumentId, List<(SyntaxNode Node, SyntaxNode? Replacement)>>();
        void Add(DocumentId id, SyntaxNode node, SyntaxNode? replacement)
        {
            if (!edits.TryGetValue(id, out var list))
            {
                edits[id] = list = new List<(SyntaxNode, SyntaxNode?)>();
            }

            list.Add((node, replacement));
        }

        Add(document.Id, parameter, null);
        Add(document.Id, plan.Message, plan.NewMessage);

        foreach (var referenced in await SymbolFinder.FindReferencesAsync(plan.Method, solution, cancellationToken).ConfigureAwait(false))
        {
            foreach (var location in referenced.Locations)
            {
                if (location.Document is not { } referencing || !location.Location.IsInSource)
                {
                    continue;
                }

                var root = await referencing.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                var referencingModel = await referencing.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
                var invocation = root?.FindNode(location.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>();
                if (invocation is null || referencingModel?.GetOperation(invocation, cancellationToken) is not IInvocationOperation operation)
                {
                    continue;
                }

                foreach (var argument in operation.Arguments)
                {
                    if (argument.Parameter?.Ordinal == plan.Ordinal && !argument.IsImplicit && argument.Syntax is ArgumentSyntax syntax)
                    {
                        Add(referencing.Id, syntax, null);
                    }
                }
            }
        }

        foreach (var pair in edits)
        {
            var editor = await DocumentEditor.CreateAsync(solution.GetDocument(pair.Key)!, cancellationToken).ConfigureAwait(false);
            foreach (var (node, replacement) in pair.Value)
            {
                if (replacement is null)
                {
                    editor.RemoveNode(node, SyntaxRemoveOptions.KeepNoTrivia);
                }
                else
                {
                    editor.ReplaceNode(node, replacement);
                }
            }

            solution = solution.WithDocumentSyntaxRoot(pair.Key, editor.GetChangedRoot());
        }

        return solution;
    }

    private sealed class RemovalPlan
    {
        public RemovalPlan(IMethodSymbol method, int ordinal, LiteralExpressionSyntax message, LiteralExpressionSyntax newMessage)
        {
            Method = method;
            Ordinal = ordinal;
            Message = message;
            NewMessage = newMessage;
        }

        public IMethodSymbol Method { get; }

        public int Ordinal { get; }

        public LiteralExpressionSyntax Message { get; }

        public LiteralExpressionSyntax NewMessage { get; }
    }

    private static RemovalPlan? Plan(SemanticModel model, ParameterSyntax parameter, CancellationToken cancellationToken)
    {
        if (model.GetDeclaredSymbol(parameter, cancellationToken) is not IParameterSymbol symbol
            || symbol.ContainingSymbol is not IMethodSymbol method
            || parameter.Parent?.Parent is not MethodDeclarationSyntax declaration
            || model.Compilation.GetBestTypeByMetadataName(LoggerMessageAttribute) is not { } attributeType)
        {
            return null;
        }

        foreach (var attribute in declaration.AttributeLists.SelectMany(l => l.Attributes))
        {
            if (!SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(attribute, cancellationToken).Symbol?.ContainingType, attributeType)
                || MessageArgument(attribute) is not { } literal
                || !StringLiterals.TryGetInnerText(literal, out var prefix, out var text, out var suffix))
            {
                continue;
            }

            var holes = TemplateHole.Scan(text);
            var found = TemplateHole.Find(holes, symbol.Name, argumentIndex: -1);
            if (found < 0)
            {
                return null;
            }

            var labels = MessageText.Words(symbol.Name);
            var newText = MessageText.RemoveWithLabel(text, holes[found].Start, holes[found].End, labels);
            return StringLiterals.WithInnerText(literal, prefix, newText, suffix) is { } newLiteral
                ? new RemovalPlan(method, symbol.Ordinal, literal, newLiteral)
                : null;
        }

        return null;
    }

    /// <summary><c>Message = "…"</c>, <c>message: "…"</c>, or the one positional string literal of the constructor.</summary>
    private static LiteralExpressionSyntax? MessageArgument(AttributeSyntax attribute)
    {
        if (attribute.ArgumentList is null)
        {
            return null;
        }

        LiteralExpressionSyntax? positional = null;
        foreach (var argument in attribute.ArgumentList.Arguments)
        {
            if (argument.Expression is not LiteralExpressionSyntax literal || !literal.IsKind(SyntaxKind.StringLiteralExpression))
            {
                continue;
            }

            var name = argument.NameEquals?.Name.Identifier.ValueText ?? argument.NameColon?.Name.Identifier.ValueText;
            if (name is "Message" or "message")
            {
                return literal;
            }

            if (name is null)
            {
                positional = literal;
            }
        }

        return positional;
    }
}
