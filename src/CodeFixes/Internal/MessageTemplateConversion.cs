using System.Collections.Generic;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SecureLogging.Analyzers.Internal;
using SecureLogging.Analyzers.Internal.Logging;

namespace SecureLogging.Analyzers.CodeFixes.Internal;

/// <summary>
/// SL3001's fix: an interpolated or concatenated log message becomes a message template — every hole or non-literal
/// operand a named placeholder (the name derived from the expression: <c>Request.Query["userName"]</c> →
/// <c>{UserName}</c>), passed as an argument after the template; literal text, alignment and format are kept. Offered
/// for message-template APIs only (Microsoft.Extensions.Logging, Serilog, NLog), when the message is the last
/// argument, and only when the new call binds.
/// </summary>
internal static class MessageTemplateConversion
{
    /// <summary>The message the reported hole or operand belongs to: an interpolated string or a string concatenation.</summary>
    public static ExpressionSyntax? FindMessage(SyntaxNode reported)
    {
        var node = reported is InterpolationSyntax interpolation ? interpolation.Expression : reported;
        node = SyntaxHelpers.WalkUpParentheses(node);
        ExpressionSyntax message;
        switch (node.Parent)
        {
            case InterpolationSyntax { Parent: InterpolatedStringExpressionSyntax owner }:
                message = owner;
                break;
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression):
                message = binary;
                break;
            default:
                return null;
        }

        // "Prefix " + $"{x}" + suffix: the whole concatenation is the message.
        while (SyntaxHelpers.WalkUpParentheses(message).Parent is BinaryExpressionSyntax parent && parent.IsKind(SyntaxKind.AddExpression))
        {
            message = parent;
        }

        return message;
    }

    /// <summary>The rewritten argument list, or null when the fix does not apply or would not bind.</summary>
    public static (ArgumentListSyntax Old, ArgumentListSyntax New)? TryConvert(SemanticModel model, ExpressionSyntax message, CancellationToken cancellationToken)
    {
        var outer = SyntaxHelpers.WalkUpParentheses(message);
        if (outer.Parent is not ArgumentSyntax { NameColon: null, RefKindKeyword.RawKind: 0 } argument
            || argument.Parent is not ArgumentListSyntax list
            || list.Parent is not InvocationExpressionSyntax invocation
            || list.Arguments.IndexOf(argument) != list.Arguments.Count - 1
            || !IsTemplateApi(model, invocation, cancellationToken))
        {
            return null;
        }

        var template = new StringBuilder();
        var values = new List<ExpressionSyntax>();
        var names = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase);
        if (!Collect(model, message, template, values, names, cancellationToken) || values.Count == 0)
        {
            return null;
        }

        var literal = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(template.ToString()))
            .WithTriviaFrom(outer);
        var arguments = list.Arguments.Replace(argument, argument.WithExpression(literal));
        foreach (var value in values)
        {
            arguments = arguments.Add(SyntaxFactory.Argument(value.WithoutTrivia()));
        }

        var newList = list.WithArguments(arguments);
        var speculative = invocation.WithArgumentList(newList);
        var bound = model.GetSpeculativeSymbolInfo(invocation.SpanStart, speculative, SpeculativeBindingOption.BindAsExpression);
        if (bound.Symbol is not IMethodSymbol)
        {
            return null;
        }

        return (list, newList);
    }

    private static bool IsTemplateApi(SemanticModel model, InvocationExpressionSyntax invocation, CancellationToken cancellationToken)
    {
        if (model.GetOperation(invocation, cancellationToken) is not IInvocationOperation operation)
        {
            return false;
        }

        var recognizer = SensitiveDataAnalysis.Get(model.Compilation).Recognizer;
        return recognizer.TryRecognize(operation, out var call) && call is not null
            && call.Framework is LoggingFramework.MicrosoftExtensionsLogging or LoggingFramework.Serilog or LoggingFramework.NLog;
    }

    private static bool Collect(SemanticModel model, ExpressionSyntax message, StringBuilder template, List<ExpressionSyntax> values, HashSet<string> names, CancellationToken cancellationToken)
    {
        switch (message)
        {
            case InterpolatedStringExpressionSyntax interpolated:
                if (interpolated.StringStartToken.IsKind(SyntaxKind.InterpolatedSingleLineRawStringStartToken)
                    || interpolated.StringStartToken.IsKind(SyntaxKind.InterpolatedMultiLineRawStringStartToken))
                {
                    return false;
                }

                foreach (var content in interpolated.Contents)
                {
                    if (content is InterpolatedStringTextSyntax text)
                    {
                        // Roslyn keeps {{ and }} doubled in the value text of interpolated text; templates escape braces the same way.
                        AppendText(template, text.TextToken.ValueText.Replace("{{", "{").Replace("}}", "}"));
                    }
                    else if (content is InterpolationSyntax hole)
                    {
                        AppendHole(template, hole.Expression, hole.AlignmentClause?.Value.ToString(), hole.FormatClause?.FormatStringToken.ValueText, values, names);
                    }
                }

                return true;
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression)
                && model.GetTypeInfo(binary, cancellationToken).Type?.SpecialType == SpecialType.System_String:
                return Collect(model, binary.Left, template, values, names, cancellationToken)
                    && Collect(model, binary.Right, template, values, names, cancellationToken);
            case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                AppendText(template, literal.Token.ValueText);
                return true;
            case ParenthesizedExpressionSyntax { Expression: InterpolatedStringExpressionSyntax or BinaryExpressionSyntax } parenthesized:
                return Collect(model, parenthesized.Expression, template, values, names, cancellationToken);
            default:
                AppendHole(template, message, alignment: null, format: null, values, names);
                return true;
        }
    }

    private static void AppendText(StringBuilder template, string text)
        => template.Append(text.Replace("{", "{{").Replace("}", "}}"));

    private static void AppendHole(StringBuilder template, ExpressionSyntax expression, string? alignment, string? format, List<ExpressionSyntax> values, HashSet<string> names)
    {
        var name = UniqueName(PlaceholderName(expression), names);
        template.Append('{').Append(name);
        if (!string.IsNullOrEmpty(alignment))
        {
            template.Append(',').Append(alignment);
        }

        if (!string.IsNullOrEmpty(format))
        {
            template.Append(':').Append(format);
        }

        template.Append('}');
        values.Add(expression);
    }

    /// <summary><c>Request.Query["user-name"]</c> → UserName, <c>model.Email</c> → Email, <c>await reader.ReadToEndAsync()</c> → ReadToEndAsync → Value.</summary>
    public static string PlaceholderName(ExpressionSyntax expression)
    {
        var inner = expression is AwaitExpressionSyntax awaited ? awaited.Expression : expression;
        var raw = SyntaxHelpers.NameOf(inner);
        if (inner is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ToString" or "Trim" or "ToLower" or "ToUpper" or "ToLowerInvariant" or "ToUpperInvariant" } access })
        {
            raw = SyntaxHelpers.NameOf(access.Expression);
        }

        var builder = new StringBuilder();
        var upper = true;
        foreach (var c in raw ?? string.Empty)
        {
            if (!char.IsLetterOrDigit(c))
            {
                upper = true;
                continue;
            }

            if (builder.Length == 0 && char.IsDigit(c))
            {
                builder.Append("Value");
            }

            builder.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        var name = builder.ToString();
        if (name.StartsWith("Get", System.StringComparison.Ordinal) && name.Length > 3 && char.IsUpper(name[3]))
        {
            name = name.Substring(3);
        }

        if (name.EndsWith("Async", System.StringComparison.Ordinal) && name.Length > 5)
        {
            name = name.Substring(0, name.Length - 5);
        }

        return name.Length == 0 ? "Value" : name;
    }

    private static string UniqueName(string name, HashSet<string> names)
    {
        var candidate = name;
        for (var i = 2; !names.Add(candidate); i++)
        {
            candidate = name + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return candidate;
    }
}
