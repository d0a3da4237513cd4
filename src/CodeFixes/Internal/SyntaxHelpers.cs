using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SecureLogging.Analyzers.CodeFixes.Internal;

internal static class SyntaxHelpers
{
    public static SyntaxNode WalkUpParentheses(SyntaxNode node)
    {
        while (node.Parent is ParenthesizedExpressionSyntax parent)
        {
            node = parent;
        }

        return node;
    }

    /// <summary>The name a value goes by in the message: the last identifier of <c>request.Password</c>, <c>GetToken()</c>.</summary>
    public static string? NameOf(SyntaxNode? node) => node switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        ConditionalAccessExpressionSyntax conditional => NameOf(conditional.WhenNotNull),
        InvocationExpressionSyntax invocation => NameOf(invocation.Expression),
        ElementAccessExpressionSyntax element when element.ArgumentList.Arguments.Count == 1
            && element.ArgumentList.Arguments[0].Expression is LiteralExpressionSyntax key
            && key.IsKind(SyntaxKind.StringLiteralExpression) => key.Token.ValueText,
        ElementAccessExpressionSyntax element => NameOf(element.Expression),
        ParenthesizedExpressionSyntax parenthesized => NameOf(parenthesized.Expression),
        PostfixUnaryExpressionSyntax postfix => NameOf(postfix.Operand),
        CastExpressionSyntax cast => NameOf(cast.Expression),
        AnonymousObjectMemberDeclaratorSyntax declarator => declarator.NameEquals?.Name.Identifier.ValueText ?? NameOf(declarator.Expression),
        ParameterSyntax parameter => parameter.Identifier.ValueText,
        _ => null,
    };

    /// <summary>True for expressions that can take a member access (<c>x.ToString()</c>) without parentheses.</summary>
    public static bool IsPrimary(ExpressionSyntax expression) => expression is IdentifierNameSyntax
        or MemberAccessExpressionSyntax
        or InvocationExpressionSyntax
        or ElementAccessExpressionSyntax
        or ParenthesizedExpressionSyntax
        or LiteralExpressionSyntax
        or ThisExpressionSyntax
        or GenericNameSyntax
        or PredefinedTypeSyntax;
}
