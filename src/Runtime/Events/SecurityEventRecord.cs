using System.Buffers;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace SecureLogging;

/// <summary>
/// One security event as recorded: every string already redacted, credential-masked and neutralised, so it can be
/// written anywhere as it is. Created by the <see cref="SecurityLog"/> methods, by <see cref="Create"/>, or from any
/// logging call by <see cref="TryCreate"/>.
/// </summary>
public sealed class SecurityEventRecord
{
    private static readonly JsonWriterOptions LineOptions = new()
    {
        // Non-ASCII stays readable; quotes, backslashes and every control character are still escaped by the writer.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
        SkipValidation = false,
    };

    private SecurityEventRecord(
        DateTimeOffset timestamp,
        LogLevel level,
        string eventName,
        SecurityEventDefinition? definition,
        string outcome,
        string? userId,
        string? userName,
        string? ipAddress,
        string? requestId,
        string? userAgent,
        string? reason,
        IReadOnlyList<KeyValuePair<string, object?>> fields)
    {
        Timestamp = timestamp;
        Level = level;
        Event = eventName;
        Definition = definition;
        Outcome = outcome;
        UserId = userId;
        UserName = userName;
        IpAddress = ipAddress;
        RequestId = requestId;
        UserAgent = userAgent;
        Reason = reason;
        Fields = fields;
    }

    /// <summary>Gets when the event happened (UTC).</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>Gets the level the event was logged at.</summary>
    public LogLevel Level { get; }

    /// <summary>Gets the dotted event name, e.g. <c>authentication.failure</c>.</summary>
    public string Event { get; }

    /// <summary>Gets the OWASP vocabulary name, or <see langword="null"/> where there is none.</summary>
    public string? Owasp => Definition?.Owasp;

    /// <summary>Gets the numeric event id (0 for an application-specific event).</summary>
    public int EventId => Definition?.EventId ?? 0;

    /// <summary>Gets the vocabulary definition, or <see langword="null"/> for an application-specific event.</summary>
    public SecurityEventDefinition? Definition { get; }

    /// <summary>Gets the outcome: <c>success</c>, <c>failure</c> or <c>unknown</c>.</summary>
    public string Outcome { get; }

    /// <summary>Gets the user id, or <see langword="null"/>.</summary>
    public string? UserId { get; }

    /// <summary>Gets the attempted or known account name, or <see langword="null"/>.</summary>
    public string? UserName { get; }

    /// <summary>Gets the client ip address, or <see langword="null"/>.</summary>
    public string? IpAddress { get; }

    /// <summary>Gets the request id, or <see langword="null"/>.</summary>
    public string? RequestId { get; }

    /// <summary>Gets the client user agent, or <see langword="null"/>.</summary>
    public string? UserAgent { get; }

    /// <summary>Gets the reason, or <see langword="null"/>.</summary>
    public string? Reason { get; }

    /// <summary>
    /// Gets the event-specific fields (snake_case names; <c>resource</c>, <c>action</c>, <c>target_user_id</c>,
    /// <c>role</c>, <c>permission</c> first when set, then the others in the order given). Values are strings,
    /// <see cref="long"/>, <see cref="double"/>, <see cref="decimal"/>, <see cref="bool"/> or <see langword="null"/>.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, object?>> Fields { get; }

    /// <summary>
    /// Builds the record of <paramref name="securityEvent"/>: values missing from the event are taken from the current
    /// <see cref="SecurityContext"/>; secret-named fields are redacted, credential-shaped strings masked and control
    /// characters neutralised.
    /// </summary>
    /// <param name="securityEvent">The event.</param>
    /// <param name="timestamp">When it happened; now when <see langword="null"/>.</param>
    /// <returns>The record.</returns>
    public static SecurityEventRecord Create(SecurityEvent securityEvent, DateTimeOffset? timestamp = null)
    {
        ArgumentNullException.ThrowIfNull(securityEvent);
        var definition = securityEvent.Definition;

        var fields = new List<KeyValuePair<string, object?>>(securityEvent.Fields.Count + 2);
        AddTyped(fields, FieldNames.Resource, securityEvent.Resource);
        AddTyped(fields, FieldNames.Action, securityEvent.Action);
        AddTyped(fields, FieldNames.TargetUserId, securityEvent.TargetUserId);
        AddTyped(fields, FieldNames.Role, securityEvent.Role);
        AddTyped(fields, FieldNames.Permission, securityEvent.Permission);
        foreach (var field in securityEvent.Fields)
        {
            var key = FieldNames.ToSnakeCase(field.Key);
            if (FieldNames.IsFixed(key))
            {
                // timestamp, level, event, owasp are the runtime's; keep the caller's value under another name rather than lose it.
                key = "data_" + key;
            }

            var value = FieldValues.Sanitize(key, field.Value);
            var existing = fields.FindIndex(f => f.Key == key);
            if (existing >= 0)
            {
                fields[existing] = new KeyValuePair<string, object?>(key, value);
            }
            else
            {
                fields.Add(new KeyValuePair<string, object?>(key, value));
            }
        }

        return new SecurityEventRecord(
            (timestamp ?? DateTimeOffset.UtcNow).ToUniversalTime(),
            // LogLevel.None (or an undefined value) would make providers drop a security event: use the vocabulary level.
            securityEvent.Level is { } level && level is >= LogLevel.Trace and <= LogLevel.Critical ? level : definition?.Level ?? LogLevel.Information,
            securityEvent.Name,
            definition,
            securityEvent.Outcome is null ? definition?.Outcome ?? SecurityOutcome.Unknown : SecurityOutcome.Normalize(securityEvent.Outcome),
            LogText.Clean(securityEvent.UserId ?? SecurityContext.UserId),
            LogText.Clean(securityEvent.UserName),
            LogText.Clean(securityEvent.IpAddress ?? SecurityContext.IpAddress),
            LogText.Clean(securityEvent.RequestId ?? SecurityContext.RequestId),
            LogText.Clean(securityEvent.UserAgent ?? SecurityContext.UserAgent),
            LogText.Clean(securityEvent.Reason),
            fields.AsReadOnly());
    }

    /// <summary>
    /// Rebuilds a record from a logging call: <see langword="true"/> for the state of the <see cref="SecurityLog"/>
    /// methods, and for any Microsoft.Extensions.Logging call whose <see cref="Microsoft.Extensions.Logging.EventId.Name"/>
    /// is a vocabulary name (dotted or OWASP) — its structured properties become the record's fields
    /// (<c>UserId</c> → <c>user_id</c>, …) and its formatted text the <c>message</c> field. Never throws.
    /// </summary>
    /// <param name="level">The level of the call.</param>
    /// <param name="eventId">The event id of the call.</param>
    /// <param name="state">The state of the call.</param>
    /// <param name="record">The record, when the call is a security event.</param>
    /// <returns>Whether the call is a security event.</returns>
    public static bool TryCreate(LogLevel level, EventId eventId, object? state, out SecurityEventRecord? record)
    {
        if (state is SecurityEventState own)
        {
            record = own.Record;
            return true;
        }

        record = null;
        var definition = SecurityEventNames.Find(eventId.Name);
        if (definition is null)
        {
            return false;
        }

        try
        {
            record = Create(ForeignState.ToEvent(definition, level, state));
            return true;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A state whose enumeration or ToString throws: keep the event, without its properties.
            record = Create(new SecurityEvent(definition.Name) { Level = level, Reason = "[state unreadable: " + ex.GetType().Name + "]" });
            return true;
        }
    }

    /// <summary>Writes the canonical SPEC §8 JSON object.</summary>
    /// <param name="writer">The writer.</param>
    public void WriteTo(Utf8JsonWriter writer) => WriteTo(writer, SecurityEventFormat.Canonical);

    /// <summary>Writes the record as one JSON object in the given format.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="format">Canonical (SPEC §8) or ECS.</param>
    public void WriteTo(Utf8JsonWriter writer, SecurityEventFormat format)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        WriteProperties(writer, format);
        writer.WriteEndObject();
    }

    /// <summary>
    /// Writes the record's properties into an object the caller has started, so a store or forwarder can add its
    /// own properties (sequence numbers, chain values) around them.
    /// </summary>
    /// <param name="writer">The writer, positioned inside an object.</param>
    /// <param name="format">Canonical (SPEC §8) or ECS.</param>
    public void WriteProperties(Utf8JsonWriter writer, SecurityEventFormat format = SecurityEventFormat.Canonical)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (format == SecurityEventFormat.Ecs)
        {
            EcsWriter.Write(this, writer);
            return;
        }

        writer.WriteString(FieldNames.Timestamp, FieldValues.FormatTimestamp(Timestamp));
        writer.WriteString(FieldNames.Level, LevelName(Level));
        writer.WriteString(FieldNames.Event, Event);
        WriteStringOrNull(writer, FieldNames.Owasp, Owasp);
        writer.WriteString(FieldNames.Outcome, Outcome);
        WriteStringOrNull(writer, FieldNames.UserId, UserId);
        WriteStringOrNull(writer, FieldNames.UserName, UserName);
        WriteStringOrNull(writer, FieldNames.IpAddress, IpAddress);
        WriteStringOrNull(writer, FieldNames.RequestId, RequestId);
        WriteStringOrNull(writer, FieldNames.UserAgent, UserAgent);
        WriteStringOrNull(writer, FieldNames.Reason, Reason);
        foreach (var field in Fields)
        {
            writer.WritePropertyName(field.Key);
            WriteValue(writer, field.Value);
        }
    }

    /// <summary>Returns the canonical JSON record on one line (UTF-8 safe, no trailing newline).</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => ToJson(SecurityEventFormat.Canonical);

    /// <summary>Returns the JSON record in the given format on one line (no trailing newline).</summary>
    /// <param name="format">Canonical (SPEC §8) or ECS.</param>
    /// <returns>The JSON text.</returns>
    public string ToJson(SecurityEventFormat format)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, LineOptions))
        {
            WriteTo(writer, format);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Returns a one-line human-readable summary: the event, its outcome and the known values.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => SecurityEventState.FormatMessage(this);

    /// <summary>Returns the record's name for a level: trace, debug, info, warning, error, critical.</summary>
    internal static string LevelName(LogLevel level) => level switch
    {
        LogLevel.Trace => "trace",
        LogLevel.Debug => "debug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warning",
        LogLevel.Error => "error",
        LogLevel.Critical => "critical",
        _ => "none",
    };

    internal static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case string s: writer.WriteStringValue(s); break;
            case bool b: writer.WriteBooleanValue(b); break;
            case long l: writer.WriteNumberValue(l); break;
            case double d: writer.WriteNumberValue(d); break;
            case decimal m: writer.WriteNumberValue(m); break;
            default: writer.WriteStringValue(LogText.Clean(FieldValues.ToText(value))); break;
        }
    }

    internal static bool IsIpAddress(string? value) => value is not null && IPAddress.TryParse(value, out _);

    private static void WriteStringOrNull(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    private static void AddTyped(List<KeyValuePair<string, object?>> fields, string key, string? value)
    {
        if (value is not null)
        {
            fields.Add(new KeyValuePair<string, object?>(key, FieldValues.Sanitize(key, value)));
        }
    }
}
