using System.Collections;
using System.Text;

namespace SecureLogging;

/// <summary>
/// The state the <see cref="SecurityLog"/> methods pass to <c>ILogger.Log</c>: the record's fields as snake_case
/// key/value pairs (so Serilog, the JSON console formatter and OpenTelemetry render them as properties), ending with
/// <c>{OriginalFormat}</c> — a message template naming the present fields, so text output reads well.
/// </summary>
internal sealed class SecurityEventState : IReadOnlyList<KeyValuePair<string, object?>>
{
    private readonly KeyValuePair<string, object?>[] _entries;
    private string? _message;

    public SecurityEventState(SecurityEventRecord record)
    {
        Record = record;
        var entries = new KeyValuePair<string, object?>[FieldNames.Fixed.Length + record.Fields.Count + 1];
        var i = 0;
        entries[i++] = new(FieldNames.Timestamp, FieldValues.FormatTimestamp(record.Timestamp));
        entries[i++] = new(FieldNames.Level, SecurityEventRecord.LevelName(record.Level));
        entries[i++] = new(FieldNames.Event, record.Event);
        entries[i++] = new(FieldNames.Owasp, record.Owasp);
        entries[i++] = new(FieldNames.Outcome, record.Outcome);
        entries[i++] = new(FieldNames.UserId, record.UserId);
        entries[i++] = new(FieldNames.UserName, record.UserName);
        entries[i++] = new(FieldNames.IpAddress, record.IpAddress);
        entries[i++] = new(FieldNames.RequestId, record.RequestId);
        entries[i++] = new(FieldNames.UserAgent, record.UserAgent);
        entries[i++] = new(FieldNames.Reason, record.Reason);
        foreach (var field in record.Fields)
        {
            entries[i++] = field;
        }

        entries[i] = new(FieldNames.OriginalFormat, BuildTemplate(record));
        _entries = entries;
    }

    /// <summary>Formats the state for text providers (the <c>formatter</c> passed to <c>ILogger.Log</c>).</summary>
    public static readonly Func<SecurityEventState, Exception?, string> Formatter = static (state, _) => state.ToString();

    public SecurityEventRecord Record { get; }

    public int Count => _entries.Length;

    public KeyValuePair<string, object?> this[int index] => _entries[index];

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)_entries).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => _message ??= FormatMessage(Record);

    /// <summary>
    /// The text rendering: <c>authentication.failure failure: user_name=bob reason=invalid_credentials</c>, listing the
    /// fields that have a value. The values are already neutralised, so the line cannot be broken by them.
    /// </summary>
    internal static string FormatMessage(SecurityEventRecord record)
    {
        var builder = new StringBuilder(128);
        builder.Append(record.Event).Append(' ').Append(record.Outcome);
        var first = true;
        foreach (var (key, value) in Present(record))
        {
            builder.Append(first ? ": " : " ").Append(key).Append('=').Append(value is string s ? s : FieldValues.ToText(value!));
            first = false;
        }

        return builder.ToString();
    }

    // The template mirrors FormatMessage with placeholders, for providers that render templates themselves (Serilog).
    private static string BuildTemplate(SecurityEventRecord record)
    {
        var builder = new StringBuilder(128);
        builder.Append("{event} {outcome}");
        var first = true;
        foreach (var (key, _) in Present(record))
        {
            if (!FieldNames.IsTemplateSafe(key))
            {
                continue;
            }

            builder.Append(first ? ": " : " ").Append(key).Append("={").Append(key).Append('}');
            first = false;
        }

        return builder.ToString();
    }

    private static IEnumerable<(string Key, object? Value)> Present(SecurityEventRecord record)
    {
        if (record.UserId is not null)
        {
            yield return (FieldNames.UserId, record.UserId);
        }

        if (record.UserName is not null)
        {
            yield return (FieldNames.UserName, record.UserName);
        }

        if (record.IpAddress is not null)
        {
            yield return (FieldNames.IpAddress, record.IpAddress);
        }

        if (record.Reason is not null)
        {
            yield return (FieldNames.Reason, record.Reason);
        }

        foreach (var field in record.Fields)
        {
            if (field.Value is not null)
            {
                yield return (field.Key, field.Value);
            }
        }
    }
}
