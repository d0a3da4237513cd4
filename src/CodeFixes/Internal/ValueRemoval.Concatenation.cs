using System.Threading;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SecureLogging.Analyzers.CodeFixes.Internal;

internal static partial class ValueRemoval
{
    private static (SyntaxNode, SyntaxNode)? RemoveOperand(SemanticModel model, ExpressionSyntax operand, ICollection<string> labels, CancellationToken cancellationToken)
    {
        // Flatten the whole string concatenation the operand belongs to: a + b + c is ((a + b) + c).
        var top = (BinaryExpressionSyntax)operand.Parent!;
        while (top.Parent is BinaryExpressionSyntax parent && parent.IsKind(SyntaxKind.AddExpression) && IsString(model, parent, cancellationToken))
        {
            top = parent;
        }

        if (!IsString(model, top, cancellationToken))
        {
            return null;
        }

        var operands = new List<ExpressionSyntax>();
        var operators = new List<SyntaxToken>();
        Flatten(top, operands, operators);
        var index = operands.IndexOf(operand);
        if (index < 0)
        {
            return null;
        }

        var first = index;
        var last = index;
        string? beforePrefix = null, beforeSuffix = null, afterPrefix = null, afterSuffix = null;
        var before = string.Empty;
        var after = string.Empty;
        LiteralExpressionSyntax? template = null;
        if (index > 0 && operands[index - 1] is LiteralExpressionSyntax previous && StringLiterals.TryGetInnerText(previous, out beforePrefix, out before, out beforeSuffix))
        {
            first = index - 1;
            template = previous;
        }

        if (index + 1 < operands.Count && operands[index + 1] is LiteralExpressionSyntax next && StringLiterals.TryGetInnerText(next, out afterPrefix, out after, out afterSuffix)
            && (template is null || (afterPrefix == beforePrefix && afterSuffix == beforeSuffix)))
        {
            last = index + 1;
            template ??= next;
        }

        var merged = MessageText.RemoveBetween(before, after, labels, startOfMessage: first == 0, endOfMessage: last == operands.Count - 1);
        ExpressionSyntax? mergedLiteral = null;
        if (template is not null && (merged.Length > 0 || !HasOtherStringOperand(model, operands, first, last, cancellationToken)))
        {
            mergedLiteral = StringLiterals.WithInnerText(template, beforePrefix ?? afterPrefix!, merged, beforeSuffix ?? afterSuffix!);
            if (mergedLiteral is null)
            {
                return null;
            }
        }
        else if (template is null && !HasOtherStringOperand(model, operands, first, last, cancellationToken))
        {
            // Removing the only string operand would change what + means (int + int); keep an empty text.
            mergedLiteral = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(string.Empty));
        }

        var newOperands = new List<ExpressionSyntax>();
        var newOperators = new List<SyntaxToken>();
        for (var i = 0; i < operands.Count; i++)
        {
            if (i >= first && i <= last)
            {
                if (i == first && mergedLiteral is not null)
                {
                    Add(mergedLiteral.WithLeadingTrivia(operands[first].GetLeadingTrivia()).WithTrailingTrivia(operands[last].GetTrailingTrivia()), i);
                }

                continue;
            }

            Add(operands[i], i);
        }

        if (newOperands.Count == 0)
        {
            return null;
        }

        ExpressionSyntax result = newOperands[0];
        for (var i = 1; i < newOperands.Count; i++)
        {
            result = SyntaxFactory.BinaryExpression(SyntaxKind.AddExpression, result, newOperators[i], newOperands[i]);
        }

        return (top, result.WithTriviaFrom(top));

        void Add(ExpressionSyntax item, int originalIndex)
        {
            // Keep the operator that stood before this operand (its spacing); the first operand has none.
            var op = originalIndex > 0 && originalIndex - 1 < operators.Count ? operators[originalIndex - 1] : operators.Count > 0 ? operators[0] : SyntaxFactory.Token(SyntaxKind.PlusToken);
            if (newOperands.Count == 0)
            {
                item = item.WithLeadingTrivia(operands[0].GetLeadingTrivia());
            }

            newOperands.Add(item);
            newOperators.Add(op);
        }
    }

    private static bool HasOtherStringOperand(SemanticModel model, List<ExpressionSyntax> operands, int first, int last, CancellationToken cancellationToken)
    {
        for (var i = 0; i < operands.Count; i++)
        {
            if ((i < first || i > last) && model.GetTypeInfo(operands[i], cancellationToken).Type?.SpecialType == SpecialType.System_String)
            {
                return true;
            }
        }

        return false;
    }

    private static void Flatten(ExpressionSyntax expression, List<ExpressionSyntax> operands, List<SyntaxToken> operators)
    {
        if (expression is BinaryExpressionSyntax binary && binary.IsKind(SyntaxKind.AddExpression))
        {
            Flatten(binary.Left, operands, operators);
            operators.Add(binary.OperatorToken);
            Flatten(binary.Right, operands, operators);
            return;
        }

        operands.Add(expression);
    }

    private static bool IsString(SemanticModel model, ExpressionSyntax expression, CancellationToken cancellationToken)
        => model.GetTypeInfo(expression, cancellationToken).Type?.SpecialType == SpecialType.System_String;
}
