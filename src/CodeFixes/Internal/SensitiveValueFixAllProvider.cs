using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace SecureLogging.Analyzers.CodeFixes.Internal;

/// <summary>
/// Fix All for the sensitive-value fixes. The batch fixer merges independent text edits and drops overlapping ones, but
/// two values of one call overlap (one template, one argument list, one <c>using</c>): each document is fixed here in
/// one pass that applies the fixes one after the other.
/// </summary>
internal static class SensitiveValueFixAllProvider
{
    public static FixAllProvider Instance { get; } = FixAllProvider.Create(FixDocumentAsync);

    private static async Task<Document?> FixDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
    {
        var fix = SensitiveValueFixer.FromEquivalenceKey(context.CodeActionEquivalenceKey);
        return await SensitiveValueFixer.ApplyAsync(document, diagnostics, fix, context.CancellationToken).ConfigureAwait(false);
    }
}
