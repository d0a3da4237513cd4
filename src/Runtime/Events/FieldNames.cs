using System.Text;

namespace SecureLogging;

/// <summary>The snake_case field names of a security record (SPEC §8) and the name normalisation for extra fields.</summary>
internal static class FieldNames
{
    public const string Timestamp = "timestamp";
    public const string Level = "level";
    public const string Event = "event";
    public const string Owasp = "owasp";
    public const string Outcome = "outcome";
    public const string UserId = "user_id";
    public const string UserName = "user_name";
    public const string IpAddress = "ip_address";
    public const string RequestId = "request_id";
    public const string UserAgent = "user_agent";
    public const string Reason = "reason";
    public const string Resource = "resource";
    public const string Action = "action";
    public const string TargetUserId = "target_user_id";
    public const string Role = "role";
    public const string Permission = "permission";
    public const string OriginalFormat = "{OriginalFormat}";

    /// <summary>The fixed fields, in the order every record writes them.</summary>
    public static readonly string[] Fixed = [Timestamp, Level, Event, Owasp, Outcome, UserId, UserName, IpAddress, RequestId, UserAgent, Reason];

    private const int MaxNameLength = 64;

    /// <summary>
    /// Renders a caller's field name in snake_case: <c>RecordCount</c>, <c>recordCount</c>, <c>record-count</c> and
    /// <c>Record Count</c> all become <c>record_count</c>. Only <c>[a-z0-9_.]</c> survive; a leading digit gets an
    /// <c>f_</c> prefix; an empty result is <c>field</c>; at most 64 characters.
    /// </summary>
    public static string ToSnakeCase(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "field";
        }

        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length && builder.Length < MaxNameLength; i++)
        {
            var c = name[i];
            if (char.IsAsciiLetterUpper(c))
            {
                var previous = i > 0 ? name[i - 1] : '\0';
                var next = i + 1 < name.Length ? name[i + 1] : '\0';
                if (builder.Length > 0 && builder[^1] != '_' && builder[^1] != '.'
                    && (char.IsAsciiLetterLower(previous) || char.IsAsciiDigit(previous) || (char.IsAsciiLetterUpper(previous) && char.IsAsciiLetterLower(next))))
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else if (char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c))
            {
                builder.Append(c);
            }
            else if (c == '.' && builder.Length > 0 && builder[^1] != '.' && builder[^1] != '_')
            {
                builder.Append('.');
            }
            else if (builder.Length > 0 && builder[^1] != '_' && builder[^1] != '.')
            {
                builder.Append('_');
            }
        }

        while (builder.Length > 0 && (builder[^1] == '_' || builder[^1] == '.'))
        {
            builder.Length--;
        }

        if (builder.Length == 0)
        {
            return "field";
        }

        if (char.IsAsciiDigit(builder[0]))
        {
            builder.Insert(0, "f_");
        }

        return builder.ToString();
    }

    /// <summary>Returns whether the name is one a message template can hold (letters, digits, underscore).</summary>
    public static bool IsTemplateSafe(string name)
    {
        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return name.Length > 0 && !char.IsAsciiDigit(name[0]);
    }

    /// <summary>Returns whether the name is a fixed record field that an event-specific field may not take.</summary>
    public static bool IsFixed(string name) => Array.IndexOf(Fixed, name) >= 0;
}
