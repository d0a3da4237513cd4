using System.Collections;
using System.Globalization;
using System.Text;

namespace SecureLogging;

/// <summary>Turns any caller-supplied field value into a safe, JSON-renderable value.</summary>
internal static class FieldValues
{
    private const int MaxItems = 100;

    /// <summary>Formats a timestamp as UTC ISO 8601 with milliseconds: <c>2026-11-28T19:43:55.123Z</c>.</summary>
    public static string FormatTimestamp(DateTimeOffset timestamp)
        => timestamp.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// Returns the value to record under <paramref name="key"/> (already snake_case): secret-named keys are redacted
    /// whatever the value, strings are cleaned (<see cref="LogText.Clean"/>), numbers and booleans stay as they are,
    /// dates become ISO 8601 strings, and everything else its cleaned invariant text.
    /// </summary>
    public static object? Sanitize(string key, object? value)
    {
        if (value is null)
        {
            return null;
        }

        switch (SensitiveNames.Classify(key))
        {
            case SensitiveKind.Secret:
            case SensitiveKind.CardData:
                return Redact.RedactedText;
            case SensitiveKind.Token:
                return Redact.Token(ToText(value));
            case SensitiveKind.CardNumber:
                return Redact.CardNumber(ToText(value));
        }

        return Normalize(value);
    }

    /// <summary>Renders a value without looking at its name.</summary>
    public static object? Normalize(object? value)
    {
        switch (value)
        {
            case null:
                return null;
            case string s:
                return LogText.Clean(s);
            case bool or long or int or short or sbyte or byte or ushort or uint:
                return value is bool ? value : Convert.ToInt64(value, CultureInfo.InvariantCulture);
            case ulong u:
                return u <= long.MaxValue ? (long)u : u.ToString(CultureInfo.InvariantCulture);
            case double d:
                return double.IsFinite(d) ? d : d.ToString(CultureInfo.InvariantCulture);
            case float f:
                return float.IsFinite(f) ? (double)f : f.ToString(CultureInfo.InvariantCulture);
            case decimal:
                return value;
            case DateTimeOffset dto:
                return FormatTimestamp(dto);
            case DateTime dt:
                return FormatTimestamp(dt.Kind == DateTimeKind.Unspecified ? new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Utc)) : new DateTimeOffset(dt));
            case Enum e:
                return e.ToString();
            case IDictionary dictionary:
                return LogText.Clean(JoinEntries(dictionary));
            case IEnumerable enumerable:
                return LogText.Clean(JoinItems(enumerable));
            default:
                return LogText.Clean(ToText(value));
        }
    }

    /// <summary>Returns the invariant text of a value; a value whose <c>ToString()</c> throws renders as its type name.</summary>
    public static string ToText(object value)
    {
        try
        {
            return value switch
            {
                string s => s,
                IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
                _ => value.ToString() ?? string.Empty,
            };
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return "[unrenderable " + value.GetType().Name + "]";
        }
    }

    // Dictionary entries are judged by their keys like event fields: {"password": "x"} renders password=[REDACTED].
    private static string JoinEntries(IDictionary dictionary)
    {
        var builder = new StringBuilder();
        var count = 0;
        try
        {
            foreach (DictionaryEntry entry in dictionary)
            {
                if (count == MaxItems || builder.Length > LogText.MaxLength)
                {
                    builder.Append(", …");
                    break;
                }

                if (count++ > 0)
                {
                    builder.Append(", ");
                }

                var key = ToText(entry.Key);
                var value = Sanitize(FieldNames.ToSnakeCase(key), entry.Value);
                builder.Append(key).Append('=').Append(value is null ? "null" : ToText(value));
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            builder.Append("[unrenderable ").Append(dictionary.GetType().Name).Append(']');
        }

        return builder.ToString();
    }

    private static string JoinItems(IEnumerable items)
    {
        var builder = new StringBuilder();
        var count = 0;
        try
        {
            foreach (var item in items)
            {
                if (count == MaxItems)
                {
                    builder.Append(", …");
                    break;
                }

                if (count++ > 0)
                {
                    builder.Append(", ");
                }

                builder.Append(item is null ? "null" : ToText(item));
                if (builder.Length > LogText.MaxLength)
                {
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            builder.Append("[unrenderable ").Append(items.GetType().Name).Append(']');
        }

        return builder.ToString();
    }
}
