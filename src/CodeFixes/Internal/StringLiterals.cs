using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SecureLogging.Analyzers.CodeFixes.Internal;

/// <summary>
/// Reads and rewrites the source text between the quotes of string literals and interpolated-string text parts, so
/// that edits keep the author's literal kind (regular, verbatim, single-line raw) and escapes. New tokens are made by
/// parsing, so their value text is exactly what the compiler would see.
/// </summary>
internal static class StringLiterals
{
    /// <summary>The source text between the quotes of a single-line string literal; false for UTF-8 and multi-line raw literals.</summary>
    public static bool TryGetInnerText(LiteralExpressionSyntax literal, out string prefix, out string inner, out string suffix)
    {
        prefix = inner = suffix = string.Empty;
        if (!literal.IsKind(SyntaxKind.StringLiteralExpression))
        {
            return false;
        }

        var token = literal.Token;
        var text = token.Text;
        switch (token.Kind())
        {
            case SyntaxKind.StringLiteralToken:
                prefix = text.StartsWith("@", System.StringComparison.Ordinal) ? "@\"" : "\"";
                suffix = "\"";
                break;
            case SyntaxKind.SingleLineRawStringLiteralToken:
                var quotes = 0;
                while (quotes < text.Length && text[quotes] == '"')
                {
                    quotes++;
                }

                prefix = suffix = new string('"', quotes);
                break;
            default:
                return false;
        }

        if (text.Length < prefix.Length + suffix.Length || !text.EndsWith(suffix, System.StringComparison.Ordinal))
        {
            return false;
        }

        inner = text.Substring(prefix.Length, text.Length - prefix.Length - suffix.Length);
        return true;
    }

    /// <summary>A literal of the same kind holding <paramref name="inner"/> as source text, or null when that would not parse.</summary>
    public static LiteralExpressionSyntax? WithInnerText(LiteralExpressionSyntax literal, string prefix, string inner, string suffix)
    {
        var parsed = SyntaxFactory.ParseExpression(prefix + inner + suffix);
        if (parsed is not LiteralExpressionSyntax result || parsed.ContainsDiagnostics || parsed.FullSpan.Length != prefix.Length + inner.Length + suffix.Length)
        {
            return null;
        }

        return literal.WithToken(result.Token.WithTriviaFrom(literal.Token));
    }

    /// <summary>An interpolated-string text part holding <paramref name="text"/> as source text, for the given string kind.</summary>
    public static InterpolatedStringTextSyntax? InterpolatedText(InterpolatedStringExpressionSyntax owner, string text)
    {
        var source = owner.StringStartToken.Text + text + owner.StringEndToken.Text;
        if (SyntaxFactory.ParseExpression(source) is not InterpolatedStringExpressionSyntax parsed
            || parsed.ContainsDiagnostics
            || parsed.Contents.Count != 1
            || parsed.Contents[0] is not InterpolatedStringTextSyntax part)
        {
            return null;
        }

        return part;
    }
}
