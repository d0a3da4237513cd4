using Microsoft.CodeAnalysis;

namespace SecureLogging.Analyzers.CodeFixes.Internal;

internal static class SeparatedLists
{
    /// <summary>
    /// Removes an item with its separator. When the last item goes, its trailing trivia (the space before <c>}</c>, a
    /// comment) moves to the new last item, so <c>{ a, b }</c> becomes <c>{ a }</c>, not <c>{ a}</c>.
    /// </summary>
    public static SeparatedSyntaxList<T> RemoveAt<T>(SeparatedSyntaxList<T> list, int index)
        where T : SyntaxNode
    {
        if (index < 0 || index >= list.Count)
        {
            return list;
        }

        var removed = list[index];
        var result = list.RemoveAt(index);
        if (index == list.Count - 1 && index > 0)
        {
            var last = result[index - 1];
            result = result.Replace(last, last.WithTrailingTrivia(last.GetTrailingTrivia().AddRange(removed.GetTrailingTrivia())));
        }

        return result;
    }
}
