using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;

namespace SecureLogging.Analyzers.CodeFixes.Internal.SecurityEvents;

/// <summary>Where an event statement goes.</summary>
internal enum InsertionKind
{
    /// <summary>Before a statement of a statement list.</summary>
    Before,

    /// <summary>After a statement of a statement list.</summary>
    After,

    /// <summary>First in a branch (a block, or an embedded statement that becomes a block).</summary>
    StartOf,

    /// <summary>Last in a block whose end is reached.</summary>
    EndOf,

    /// <summary>In a new <c>else</c> of an <c>if</c> without one.</summary>
    NewElse,

    /// <summary>Before the expression of an expression-bodied method, local function or lambda, which becomes a block (<c>=&gt; x</c> → <c>{ event; return x; }</c>).</summary>
    ExpressionBody,
}

/// <summary>One statement to insert, and where.</summary>
internal sealed class Insertion
{
    public static readonly SyntaxAnnotation Inserted = new("SecureLogging.SecurityEventFix");

    public Insertion(InsertionKind kind, SyntaxNode node, string code, bool returnsValue = false)
    {
        Kind = kind;
        Node = node;
        Code = code;
        ReturnsValue = returnsValue;
    }

    public InsertionKind Kind { get; }

    /// <summary>A statement; for <see cref="InsertionKind.ExpressionBody"/>, the method, local function or lambda.</summary>
    public SyntaxNode Node { get; }

    /// <summary>For <see cref="InsertionKind.ExpressionBody"/>: the expression is returned (not a void or <c>async Task</c> method).</summary>
    public bool ReturnsValue { get; }

    public string Code { get; }

    /// <summary>
    /// Applies the insertions (several at one place keep their order) with a <see cref="SyntaxEditor"/>, so that edits
    /// nested in a branch that is itself edited compose. Each new statement carries <see cref="Inserted"/>.
    /// </summary>
    public static SyntaxNode Apply(SyntaxNode root, IReadOnlyList<Insertion> insertions, Workspace workspace)
    {
        var eol = root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        var newLine = eol.IsKind(SyntaxKind.EndOfLineTrivia) ? eol : SyntaxFactory.LineFeed;
        var editor = new SyntaxEditor(root, workspace.Services);
        foreach (var group in insertions.GroupBy(i => (i.Kind, i.Node, i.ReturnsValue)))
        {
            var statements = group.Select(i => i.Code).Distinct().Select(code => Parse(code, newLine)).ToArray();
            var node = group.Key.Node;
            switch (group.Key.Kind)
            {
                case InsertionKind.Before when InList(node):
                {
                    // Blank lines above the statement stay above the new one: the event opens the code that follows.
                    var (blank, rest) = SplitBlankLines(node.GetLeadingTrivia());
                    if (blank.Count > 0)
                    {
                        statements[0] = statements[0].WithLeadingTrivia(blank);
                        editor.ReplaceNode(node, (current, _) => current.WithLeadingTrivia(rest));
                    }

                    editor.InsertBefore(node, statements);
                    break;
                }

                case InsertionKind.After when InList(node):
                    editor.InsertAfter(node, statements);
                    break;
                case InsertionKind.Before:
                case InsertionKind.StartOf when node is not BlockSyntax:
                    editor.ReplaceNode(node, (current, _) => Block(statements.Concat(new[] { (StatementSyntax)current })));
                    break;
                case InsertionKind.After:
                    editor.ReplaceNode(node, (current, _) => Block(new[] { (StatementSyntax)current }.Concat(statements)));
                    break;
                case InsertionKind.StartOf:
                    editor.ReplaceNode(node, (current, _) => ((BlockSyntax)current).WithStatements(((BlockSyntax)current).Statements.InsertRange(0, statements)));
                    break;
                case InsertionKind.EndOf:
                    editor.ReplaceNode(node, (current, _) => ((BlockSyntax)current).AddStatements(statements));
                    break;
                case InsertionKind.ExpressionBody:
                    var returnsValue = group.Key.ReturnsValue;
                    editor.ReplaceNode(node, (current, _) => ToBlockBody(current, statements, returnsValue));
                    break;
                case InsertionKind.NewElse:
                    editor.ReplaceNode(node, (current, _) => ((IfStatementSyntax)current).WithElse(
                        SyntaxFactory.ElseClause(Block(statements)).WithAdditionalAnnotations(Formatter.Annotation)));
                    break;
            }
        }

        return editor.GetChangedRoot();
    }

    private static SyntaxNode ToBlockBody(SyntaxNode member, StatementSyntax[] statements, bool returnsValue)
    {
        var expression = member switch
        {
            BaseMethodDeclarationSyntax method => method.ExpressionBody?.Expression,
            LocalFunctionStatementSyntax local => local.ExpressionBody?.Expression,
            AnonymousFunctionExpressionSyntax function => function.ExpressionBody,
            _ => null,
        };

        if (expression is null)
        {
            return member;
        }

        var last = returnsValue
            ? (StatementSyntax)SyntaxFactory.ReturnStatement(expression.WithoutTrivia())
            : SyntaxFactory.ExpressionStatement(expression.WithoutTrivia());
        // The rewritten return is checked with the event: it must compile too.
        var body = Block(statements.Concat(new[] { last.WithAdditionalAnnotations(Formatter.Annotation, Inserted) }));
        return member switch
        {
            BaseMethodDeclarationSyntax method => method.WithExpressionBody(null).WithSemicolonToken(default)
                .WithBody(body.WithTrailingTrivia(method.SemicolonToken.TrailingTrivia)).WithAdditionalAnnotations(Formatter.Annotation),
            LocalFunctionStatementSyntax local => local.WithExpressionBody(null).WithSemicolonToken(default)
                .WithBody(body.WithTrailingTrivia(local.SemicolonToken.TrailingTrivia)).WithAdditionalAnnotations(Formatter.Annotation),
            // A lambda's expression body keeps its trailing trivia (the comma or parenthesis after it follows the block).
            AnonymousFunctionExpressionSyntax function => function.WithBlock(body.WithTrailingTrivia(expression.GetTrailingTrivia()))
                .WithExpressionBody(null).WithAdditionalAnnotations(Formatter.Annotation),
            _ => member,
        };
    }

    /// <summary>The leading blank lines (whitespace and line ends up to the last line end before any comment), and the rest.</summary>
    private static (SyntaxTriviaList Blank, SyntaxTriviaList Remainder) SplitBlankLines(SyntaxTriviaList trivia)
    {
        var split = 0;
        for (var i = 0; i < trivia.Count; i++)
        {
            if (trivia[i].IsKind(SyntaxKind.EndOfLineTrivia))
            {
                split = i + 1;
            }
            else if (!trivia[i].IsKind(SyntaxKind.WhitespaceTrivia))
            {
                break;
            }
        }

        return (SyntaxFactory.TriviaList(trivia.Take(split)), SyntaxFactory.TriviaList(trivia.Skip(split)));
    }

    private static bool InList(SyntaxNode node) => node.Parent is BlockSyntax or SwitchSectionSyntax;

    private static BlockSyntax Block(IEnumerable<StatementSyntax> statements)
        => SyntaxFactory.Block(statements).WithAdditionalAnnotations(Formatter.Annotation);

    private static StatementSyntax Parse(string code, SyntaxTrivia newLine)
        => SyntaxFactory.ParseStatement(newLine.ToString() == "\n" ? code : code.Replace("\n", newLine.ToString())).WithTrailingTrivia(newLine)
            .WithAdditionalAnnotations(Formatter.Annotation, Inserted);
}
