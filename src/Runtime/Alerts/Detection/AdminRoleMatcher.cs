using System.Text;

namespace SecureLogging.Alerts.Detection;

/// <summary>
/// Decides whether a role name is admin-class. Names are compared after dropping case, spaces, <c>-</c>, <c>_</c>
/// and <c>.</c>, so <c>Global Administrator</c>, <c>global_administrator</c> and <c>GlobalAdministrator</c> are one
/// name; a configured name may use <c>*</c> for any run of characters.
/// </summary>
internal sealed class AdminRoleMatcher
{
    /// <summary>Role names up to this long are normalized on the stack; longer ones (rare) into an array.</summary>
    private const int StackLength = 256;

    // Exact names by hash of their normalized form, so a role is looked up from a stack buffer without building a
    // string; the names themselves settle a (vanishingly unlikely) hash collision.
    private readonly Dictionary<ulong, string[]> _exact = new();
    private readonly List<string> _patterns = new();
    private readonly KeyHasher _hasher = new(0x5EC0_4E17_A1E4_7001UL);

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
                ulong hash = _hasher.Hash(normalized);
                if (!_exact.TryGetValue(hash, out string[]? same))
                {
                    _exact[hash] = new[] { normalized };
                }
                else if (Array.IndexOf(same, normalized) < 0)
                {
                    _exact[hash] = same.Append(normalized).ToArray();
                }
            }
        }
    }

    public bool IsAdminClass(string? role)
    {
        if (string.IsNullOrWhiteSpace(role))
        {
            return false;
        }

        Span<char> buffer = role.Length <= StackLength ? stackalloc char[StackLength] : new char[role.Length];
        ReadOnlySpan<char> normalized = buffer.Slice(0, Normalize(role, buffer));
        if (_exact.TryGetValue(_hasher.Hash(normalized), out string[]? candidates))
        {
            foreach (string candidate in candidates)
            {
                if (normalized.SequenceEqual(candidate))
                {
                    return true;
                }
            }
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

    /// <summary>The same normalization (no stars) into <paramref name="destination"/>, at least as long as <paramref name="name"/>.</summary>
    private static int Normalize(string name, Span<char> destination)
    {
        int n = 0;
        foreach (char c in name)
        {
            if (char.IsLetterOrDigit(c))
            {
                destination[n++] = char.ToLowerInvariant(c);
            }
        }

        return n;
    }

    // Greedy matching with backtracking to the last '*': linear in practice, no regex.
    private static bool WildcardMatch(string pattern, ReadOnlySpan<char> text)
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
