using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SecureLogging.Analyzers.CodeFixes.Internal;

/// <summary>Adds <c>using SecureLogging;</c> in the place a developer would put it: sorted, System first, header kept on top.</summary>
internal static class UsingDirectives
{
    public const string Namespace = "SecureLogging";

    public static CompilationUnitSyntax Add(CompilationUnitSyntax root, string name)
    {
        if (root.Usings.Any(u => u.Alias is null && u.StaticKeyword.IsKind(SyntaxKind.None) && u.Name?.ToString() == name))
        {
            return root;
        }

        var eol = root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        // The file's own line ending; a one-line file gets "\n".
        var newLine = eol.IsKind(SyntaxKind.EndOfLineTrivia) ? eol : SyntaxFactory.LineFeed;

        var directive = SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(name).WithLeadingTrivia(SyntaxFactory.Space))
            .WithTrailingTrivia(newLine);

        var usings = root.Usings;
        if (usings.Count == 0)
        {
            // Above everything, below the file header; a blank line separates it from the code.
            var firstToken = root.GetFirstToken(includeZeroWidth: true);
            var header = firstToken.LeadingTrivia;
            var newRoot = root.ReplaceToken(firstToken, firstToken.WithLeadingTrivia(SyntaxFactory.TriviaList()));
            directive = directive.WithLeadingTrivia(header).WithTrailingTrivia(newLine, newLine);
            return newRoot.WithUsings(newRoot.Usings.Add(directive));
        }

        var index = 0;
        while (index < usings.Count && ComesBefore(usings[index], name))
        {
            index++;
        }

        if (index == 0)
        {
            // Keep the file header (and any blank lines) on the first line of the file.
            var first = usings[0];
            directive = directive.WithLeadingTrivia(first.GetLeadingTrivia());
            usings = usings.Replace(first, first.WithLeadingTrivia(SyntaxFactory.TriviaList()));
        }

        return root.WithUsings(usings.Insert(index, directive));
    }

    private static bool ComesBefore(UsingDirectiveSyntax existing, string name)
    {
        if (existing.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword))
        {
            return true;
        }

        if (existing.Alias is not null || existing.StaticKeyword.IsKind(SyntaxKind.StaticKeyword))
        {
            // Static and alias directives conventionally go last.
            return false;
        }

        var other = existing.Name?.ToString() ?? string.Empty;
        var otherIsSystem = other == "System" || other.StartsWith("System.", StringComparison.Ordinal);
        if (otherIsSystem)
        {
            return true;
        }

        return string.Compare(other, name, StringComparison.OrdinalIgnoreCase) < 0;
    }
}
