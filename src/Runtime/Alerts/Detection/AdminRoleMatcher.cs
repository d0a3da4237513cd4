using System.Text;

namespace SecureLogging.Alerts.Detection;

/// <summary>
/// Decides whether a role name is admin-class. Names are compared after dropping case, spaces, <c>-</c>, <c>_</c>
/// and <c>.</c>, so <c>Global Administrator</c>, <c>global_administrator</c> and <c>GlobalAdministrator</c> are one
/// name; a configured name may use <c>*</c> for any run of characters.
/// </summary>
internal sealed class AdminRoleMatcher
{
    private readonly HashSet<string> _exact = new(StringComparer.Ordinal);
    private readonly List<string> _patterns = new();

    public AdminRoleMatcher(IEnumerable<string> names)
    {
        foreach (string name in names)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                continue;
            }

            string normalized = Normalize(name, keepStar: true);
            if (normalized.Contains('*'))
            {
                _patterns.Add(normalized);
            }
            else if (normalized.Length > 0)
            {
                _exact.Add(normalized);
            }
        }
    }

    public bool IsAdminClass(string? role)
    {
        if (string.IsNullOrWhiteSpace(role))
        {
            return false;
        }

        string normalized = Normalize(role, keepStar: false);
        if (_exact.Contains(normalized))
        {
            return true;
        }

        foreach (string pattern in _patterns)
        {
            if (WildcardMatch(pattern, normalized))
            {
                return true;
            }
        }

        return false;
    }

    internal static string Normalize(string name, bool keepStar)
    {
        var builder = new StringBuilder(name.Length);
        foreach (char c in name)
        {
            if (char.IsLetterOrDigit(c) || (keepStar && c == '*'))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    // Greedy matching with backtracking to the last '*': linear in practice, no regex.
    private static bool WildcardMatch(string pattern, string text)
    {
        int p = 0, t = 0, star = -1, mark = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && pattern[p] != '*' && pattern[p] == text[t])
            {
                p++;
                t++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                mark = t;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++mark;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }
}
