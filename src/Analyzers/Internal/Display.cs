using Microsoft.CodeAnalysis;

namespace SecureLogging.Analyzers.Internal;

/// <summary>How code is quoted in a diagnostic message: the expression on one line, shortened.</summary>
internal static class Display
{
    private const int MaxLength = 60;

    public static string Of(SyntaxNode? node)
    {
        if (node is null)
        {
            return string.Empty;
        }

        var text = node.ToString();
        if (text.IndexOf('\n') >= 0 || text.IndexOf('\r') >= 0)
        {
            text = System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");
        }

        return text.Length <= MaxLength ? text : text.Substring(0, MaxLength - 1) + "…";
    }
}
