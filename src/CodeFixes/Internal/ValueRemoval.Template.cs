using System.Threading;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SecureLogging.Analyzers.CodeFixes.Internal;

internal static partial class ValueRemoval
{
    /// <summary>A value of a template call: the argument goes, and so does its placeholder (with its label) in the literal template.</summary>
    private static (SyntaxNode, SyntaxNode)? RemoveTemplateArgument(ExpressionSyntax value, ICollection<string> labels, string? placeholder)
    {
        // The value is a direct argument, or an element of the params array written out (new object[] { … }, [ … ]).
        ArgumentSyntax? holder;
        SyntaxNode? element = null;
        switch (value.Parent)
        {
            case ArgumentSyntax argument:
                holder = argument;
                break;
            case InitializerExpressionSyntax { Parent: ArrayCreationExpressionSyntax or ImplicitArrayCreationExpressionSyntax } initializer
                when initializer.Parent!.Parent is ArgumentSyntax arrayArgument:
                holder = arrayArgument;
                element = value;
                break;
            case ExpressionElementSyntax { Parent: CollectionExpressionSyntax { Parent: ArgumentSyntax collectionArgument } } item:
                holder = collectionArgument;
                element = item;
                break;
            default:
                return null;
        }

        if (holder.Parent is not ArgumentListSyntax list || holder.NameColon is not null)
        {
            return null;
        }

        var holderIndex = list.Arguments.IndexOf(holder);
        var templateIndex = -1;
        for (var i = holderIndex - 1; i >= 0; i--)
        {
            if (list.Arguments[i].Expression is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression))
            {
                templateIndex = i;
                break;
            }
        }

        if (templateIndex < 0)
        {
            return null;
        }

        var templateLiteral = (LiteralExpressionSyntax)list.Arguments[templateIndex].Expression;
        if (!StringLiterals.TryGetInnerText(templateLiteral, out var prefix, out var text, out var suffix))
        {
            return null;
        }

        var valueIndex = element switch
        {
            null => holderIndex - templateIndex - 1,
            ExpressionElementSyntax item => ((CollectionExpressionSyntax)item.Parent!).Elements.IndexOf(item),
            _ => ((InitializerExpressionSyntax)value.Parent!).Expressions.IndexOf(value),
        };
        if (element is not null && holderIndex != templateIndex + 1)
        {
            return null;
        }

        var holes = TemplateHole.Scan(text);
        var found = TemplateHole.Find(holes, placeholder, valueIndex);
        if (found < 0)
        {
            return null;
        }

        var newText = RemoveHoles(text, holes, found, labels);
        var newTemplate = StringLiterals.WithInnerText(templateLiteral, prefix, newText, suffix);
        if (newTemplate is null)
        {
            return null;
        }

        var arguments = list.Arguments.Replace(list.Arguments[templateIndex], list.Arguments[templateIndex].WithExpression(newTemplate));
        var currentHolder = arguments[holderIndex];
        arguments = element switch
        {
            null => SeparatedLists.RemoveAt(arguments, holderIndex),
            ExpressionElementSyntax item => arguments.Replace(currentHolder, currentHolder.WithExpression(
                ((CollectionExpressionSyntax)currentHolder.Expression).WithElements(SeparatedLists.RemoveAt(((CollectionExpressionSyntax)currentHolder.Expression).Elements, valueIndex)))),
            _ => arguments.Replace(currentHolder, currentHolder.WithExpression(RemoveArrayElement(currentHolder.Expression, valueIndex))),
        };

        return (list, list.WithArguments(arguments));
    }

    private static ExpressionSyntax RemoveArrayElement(ExpressionSyntax array, int index) => array switch
    {
        ArrayCreationExpressionSyntax { Initializer: { } init } creation => creation.WithInitializer(init.WithExpressions(SeparatedLists.RemoveAt(init.Expressions, index))),
        ImplicitArrayCreationExpressionSyntax creation => creation.WithInitializer(creation.Initializer.WithExpressions(SeparatedLists.RemoveAt(creation.Initializer.Expressions, index))),
        _ => array,
    };

    private static string RemoveHoles(string text, List<TemplateHole> holes, int found, ICollection<string> labels)
    {
        var hole = holes[found];
        if (!hole.IsNumeric)
        {
            return MessageText.RemoveWithLabel(text, hole.Start, hole.End, labels);
        }

        // Composite format: {k} may appear more than once; every occurrence goes, then {k+1}… move down.
        var index = int.Parse(hole.Name, System.Globalization.CultureInfo.InvariantCulture);
        var current = text;
        while (true)
        {
            var next = TemplateHole.Scan(current).FirstOrDefault(h => h.IsNumeric && int.Parse(h.Name, System.Globalization.CultureInfo.InvariantCulture) == index);
            if (next.Length == 0)
            {
                break;
            }

            current = MessageText.RemoveWithLabel(current, next.Start, next.End, labels);
        }

        return MessageText.RenumberAfterRemoval(current, index);
    }
}
