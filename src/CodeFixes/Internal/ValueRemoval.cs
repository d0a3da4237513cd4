using System.Threading;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SecureLogging.Analyzers.CodeFixes.Internal;

/// <summary>
/// Takes a sensitive value out of a log call: the argument and its template placeholder (with the words that label it),
/// the interpolation hole, the concatenated operand, the anonymous member, the dictionary entry. Each method returns the
/// node to replace and its replacement, or null when removing would not leave valid, equivalent code (the template is
/// not a literal, the value is the message itself, a delegate's arity is fixed…).
/// </summary>
internal static partial class ValueRemoval
{
    public static (SyntaxNode Old, SyntaxNode New)? TryRemove(SemanticModel model, SensitiveDiagnostic target, CancellationToken cancellationToken)
    {
        if (target.Shape == "DelegateArgument")
        {
            // A LoggerMessage.Define delegate takes exactly its declared arguments.
            return null;
        }

        if (target.Node is AnonymousObjectMemberDeclaratorSyntax declarator)
        {
            return RemoveAnonymousMember(declarator);
        }

        if (target.Node is not ExpressionSyntax expression)
        {
            return null;
        }

        var context = (ExpressionSyntax)SyntaxHelpers.WalkUpParentheses(expression);
        var labels = MessageText.Words(SyntaxHelpers.NameOf(expression));
        labels.UnionWith(MessageText.Words(target.Placeholder));

        if (target.Shape == "DictionaryValue" && EntryStatement(context) is { Parent: BlockSyntax block } statement)
        {
            // state["Token"] = token; / state.Add("Token", token); before the call: the statement goes.
            return (block, block.RemoveNode(statement, SyntaxRemoveOptions.KeepNoTrivia)!);
        }

        return context.Parent switch
        {
            InterpolationSyntax hole => RemoveHole(hole, labels),
            BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression) => RemoveOperand(model, context, labels, cancellationToken),
            AssignmentExpressionSyntax { Left: ImplicitElementAccessSyntax, Parent: InitializerExpressionSyntax initializer } assignment
                when assignment.Right == context => RemoveElement(initializer, assignment),
            InitializerExpressionSyntax { RawKind: (int)SyntaxKind.ComplexElementInitializerExpression } entry
                when entry.Expressions.Count == 2 && entry.Expressions[1] == context && entry.Parent is InitializerExpressionSyntax collection => RemoveElement(collection, entry),
            ArgumentSyntax argument when IsKeyValuePairValue(model, argument, cancellationToken, out var pair) => RemoveContainedElement(pair),
            _ => RemoveTemplateArgument(context, labels, target.Placeholder),
        };
    }

    /// <summary>The statement that puts a dictionary entry in a local before the logging call: an indexer assignment or an <c>Add</c>/<c>TryAdd</c> call.</summary>
    private static ExpressionStatementSyntax? EntryStatement(ExpressionSyntax value) => value.Parent switch
    {
        AssignmentExpressionSyntax { Left: ElementAccessExpressionSyntax, Parent: ExpressionStatementSyntax statement } assignment
            when assignment.Right == value => statement,
        ArgumentSyntax { Parent: ArgumentListSyntax { Arguments.Count: 2, Parent: InvocationExpressionSyntax { Parent: ExpressionStatementSyntax statement } invocation } list } argument
            when list.Arguments[1] == argument && invocation.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Add" or "TryAdd" } => statement,
        _ => null,
    };

    private static (SyntaxNode, SyntaxNode)? RemoveAnonymousMember(AnonymousObjectMemberDeclaratorSyntax declarator)
    {
        if (declarator.Parent is not AnonymousObjectCreationExpressionSyntax creation)
        {
            return null;
        }

        return (creation, creation.WithInitializers(SeparatedLists.RemoveAt(creation.Initializers, creation.Initializers.IndexOf(declarator))));
    }

    private static (SyntaxNode, SyntaxNode)? RemoveElement(InitializerExpressionSyntax initializer, ExpressionSyntax element)
        => (initializer, initializer.WithExpressions(SeparatedLists.RemoveAt(initializer.Expressions, initializer.Expressions.IndexOf(element))));

    /// <summary><c>new KeyValuePair&lt;string, object&gt;("Password", p)</c> as an element of a list or array: the whole pair goes.</summary>
    private static bool IsKeyValuePairValue(SemanticModel model, ArgumentSyntax argument, CancellationToken cancellationToken, out ExpressionSyntax pair)
    {
        pair = null!;
        if (argument.Parent is not ArgumentListSyntax { Arguments.Count: 2 } list || list.Arguments[1] != argument
            || list.Parent is not ExpressionSyntax creation
            || creation is not (ObjectCreationExpressionSyntax or ImplicitObjectCreationExpressionSyntax or InvocationExpressionSyntax))
        {
            return false;
        }

        var type = model.GetTypeInfo(creation, cancellationToken).Type;
        if (type is not INamedTypeSymbol { Name: "KeyValuePair", ContainingNamespace: { Name: "Generic", ContainingNamespace.Name: "Collections" } })
        {
            return false;
        }

        pair = creation;
        return creation.Parent is InitializerExpressionSyntax or ExpressionElementSyntax;
    }

    private static (SyntaxNode, SyntaxNode)? RemoveContainedElement(ExpressionSyntax element) => element.Parent switch
    {
        InitializerExpressionSyntax initializer => RemoveElement(initializer, element),
        ExpressionElementSyntax { Parent: CollectionExpressionSyntax collection } item => (collection, collection.WithElements(SeparatedLists.RemoveAt(collection.Elements, collection.Elements.IndexOf(item)))),
        _ => null,
    };

    private static (SyntaxNode, SyntaxNode)? RemoveHole(InterpolationSyntax hole, ICollection<string> labels)
    {
        if (hole.Parent is not InterpolatedStringExpressionSyntax owner)
        {
            return null;
        }

        var contents = owner.Contents;
        var index = contents.IndexOf(hole);
        var first = index;
        var last = index;
        var before = string.Empty;
        var after = string.Empty;
        if (index > 0 && contents[index - 1] is InterpolatedStringTextSyntax previous)
        {
            before = previous.TextToken.Text;
            first = index - 1;
        }

        if (index + 1 < contents.Count && contents[index + 1] is InterpolatedStringTextSyntax next)
        {
            after = next.TextToken.Text;
            last = index + 1;
        }

        var text = MessageText.RemoveBetween(before, after, labels, startOfMessage: first == 0, endOfMessage: last == contents.Count - 1);
        var replacement = new List<InterpolatedStringContentSyntax>();
        if (text.Length > 0)
        {
            var part = StringLiterals.InterpolatedText(owner, text);
            if (part is null)
            {
                return null;
            }

            replacement.Add(part);
        }

        var newContents = new List<InterpolatedStringContentSyntax>();
        for (var i = 0; i < contents.Count; i++)
        {
            if (i == first)
            {
                newContents.AddRange(replacement);
            }

            if (i < first || i > last)
            {
                newContents.Add(contents[i]);
            }
        }

        return (owner, owner.WithContents(SyntaxFactory.List(newContents)));
    }
}
