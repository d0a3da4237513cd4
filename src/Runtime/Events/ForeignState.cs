using System.Text;
using Microsoft.Extensions.Logging;

namespace SecureLogging;

/// <summary>
/// Reads the state of an ordinary logging call whose event id names a vocabulary event
/// (<c>logger.LogWarning(new EventId(1002, "authentication.failure"), "Login failed for {UserName}", name)</c>).
/// </summary>
internal static class ForeignState
{
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["userid"] = FieldNames.UserId,
        ["user"] = FieldNames.UserName,
        ["username"] = FieldNames.UserName,
        ["login"] = FieldNames.UserName,
        ["account"] = FieldNames.UserName,
        ["account_name"] = FieldNames.UserName,
        ["attempted_user"] = FieldNames.UserName,
        ["ip"] = FieldNames.IpAddress,
        ["client_ip"] = FieldNames.IpAddress,
        ["remote_ip"] = FieldNames.IpAddress,
        ["source_ip"] = FieldNames.IpAddress,
        ["remote_ip_address"] = FieldNames.IpAddress,
        ["client_ip_address"] = FieldNames.IpAddress,
        ["trace_identifier"] = FieldNames.RequestId,
        ["correlation_id"] = FieldNames.RequestId,
        ["useragent"] = FieldNames.UserAgent,
        ["target_user"] = FieldNames.TargetUserId,
    };

    public static SecurityEvent ToEvent(SecurityEventDefinition definition, LogLevel level, object? state)
    {
        var securityEvent = new SecurityEvent(definition.Name) { Level = level };
        if (state is IEnumerable<KeyValuePair<string, object?>> properties)
        {
            string? template = null;
            var values = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var property in properties)
            {
                if (property.Key == FieldNames.OriginalFormat)
                {
                    template = property.Value as string;
                    continue;
                }

                var key = FieldNames.ToSnakeCase(property.Key);
                securityEvent.With(Aliases.TryGetValue(key, out var alias) ? alias : property.Key, property.Value);
                values[property.Key] = FieldValues.Sanitize(key, property.Value);
            }

            // Re-render the message from the redacted values: the provider's own text would hold a secret argument in clear.
            if (template is not null)
            {
                securityEvent.With("message", Render(template, values));
            }
        }
        else if (state is not null)
        {
            securityEvent.With("message", FieldValues.ToText(state));
        }

        return securityEvent;
    }

    /// <summary>Renders a message template (<c>{Name}</c>, <c>{Name:format}</c>, <c>{@Name}</c>, <c>{{</c>/<c>}}</c>) from already-safe values.</summary>
    internal static string Render(string template, IReadOnlyDictionary<string, object?> values)
    {
        var builder = new StringBuilder(template.Length + 32);
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if (c == '{' && i + 1 < template.Length && template[i + 1] == '{')
            {
                builder.Append('{');
                i++;
            }
            else if (c == '}' && i + 1 < template.Length && template[i + 1] == '}')
            {
                builder.Append('}');
                i++;
            }
            else if (c == '{')
            {
                var close = template.IndexOf('}', i + 1);
                if (close < 0)
                {
                    builder.Append(template, i, template.Length - i);
                    break;
                }

                var hole = template.AsSpan(i + 1, close - i - 1);
                var end = hole.IndexOfAny(',', ':');
                var name = (end >= 0 ? hole.Slice(0, end) : hole).Trim().TrimStart("@$").ToString();
                builder.Append(values.TryGetValue(name, out var value) ? (value is null ? "(null)" : FieldValues.ToText(value)) : "{" + name + "}");
                i = close;
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
