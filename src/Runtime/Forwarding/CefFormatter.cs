using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace SecureLogging;

/// <summary>
/// Renders a security event as an ArcSight Common Event Format (CEF v25) line:
/// <c>CEF:0|Vendor|Product|Version|event|Name|Severity|extension</c>.
/// </summary>
/// <remarks>
/// Header fields escape <c>\</c> and <c>|</c>; extension values escape <c>\</c>, <c>=</c>, CR and LF (CEF v25).
/// The fixed record fields use dictionary keys (<c>rt</c>, <c>cat</c>, <c>outcome</c>, <c>reason</c>, <c>suid</c>,
/// <c>suser</c>, <c>src</c>, <c>requestClientApplication</c>, <c>externalId</c> = seq); known event fields map to
/// <c>duid</c>, <c>duser</c>, <c>dpriv</c>, <c>act</c>, <c>cnt</c>; the OWASP name and request id go to
/// <c>cs1</c>/<c>cs2</c>; the other event fields fill <c>cs3</c>–<c>cs6</c> labelled with their names, and when
/// more remain, <c>cs6</c> holds them all as a JSON object, so nothing is lost.
/// </remarks>
internal sealed class CefFormatter
{
    private const int FirstFreeCustomString = 3;
    private const int LastCustomString = 6;

    private readonly string _prefix;

    public CefFormatter(string vendor, string product, string version)
    {
        _prefix = "CEF:0|" + EscapeHeader(vendor) + "|" + EscapeHeader(product) + "|" + EscapeHeader(version) + "|";
    }

    /// <summary>Maps a log level to CEF severity 0–10: trace 1, debug 2, information 3, warning 6, error 8, critical 10.</summary>
    public static int Severity(LogLevel level) => level switch
    {
        LogLevel.Trace => 1,
        LogLevel.Debug => 2,
        LogLevel.Information => 3,
        LogLevel.Warning => 6,
        LogLevel.Error => 8,
        LogLevel.Critical => 10,
        _ => 0,
    };

    /// <summary>Escapes a header field: <c>\</c> → <c>\\</c>, <c>|</c> → <c>\|</c>; CR and LF (not allowed in the header) become spaces.</summary>
    public static string EscapeHeader(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(value.Length + 4);
        foreach (var c in value)
        {
            switch (c)
            {
                case '\\': builder.Append(@"\\"); break;
                case '|': builder.Append(@"\|"); break;
                case '\r' or '\n': builder.Append(' '); break;
                default: builder.Append(c); break;
            }
        }

        return builder.ToString();
    }

    /// <summary>Escapes an extension value: <c>\</c> → <c>\\</c>, <c>=</c> → <c>\=</c>, CR → <c>\r</c>, LF → <c>\n</c>.</summary>
    public static string EscapeExtension(string value)
    {
        var builder = new StringBuilder(value.Length + 4);
        foreach (var c in value)
        {
            switch (c)
            {
                case '\\': builder.Append(@"\\"); break;
                case '=': builder.Append(@"\="); break;
                case '\r': builder.Append(@"\r"); break;
                case '\n': builder.Append(@"\n"); break;
                default: builder.Append(c); break;
            }
        }

        return builder.ToString();
    }

    /// <summary>A human-readable event name: <c>account.role_granted</c> → <c>Account role granted</c>.</summary>
    public static string DisplayName(string eventName)
    {
        var text = eventName.Replace('.', ' ').Replace('_', ' ').Trim();
        return text.Length == 0 ? eventName : char.ToUpperInvariant(text[0]) + text[1..];
    }

    public string Format(SecurityEventRecord record, long seq)
    {
        var builder = new StringBuilder(512);
        builder.Append(_prefix)
            .Append(EscapeHeader(record.Event)).Append('|')
            .Append(EscapeHeader(DisplayName(record.Event))).Append('|')
            .Append(Severity(record.Level).ToString(CultureInfo.InvariantCulture)).Append('|');

        var first = true;
        void Add(string key, string? value)
        {
            if (value is null)
            {
                return;
            }

            if (!first)
            {
                builder.Append(' ');
            }

            first = false;
            builder.Append(key).Append('=').Append(EscapeExtension(value));
        }

        Add("rt", record.Timestamp.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
        var dot = record.Event.IndexOf('.', StringComparison.Ordinal);
        Add("cat", dot > 0 ? record.Event[..dot] : record.Event);
        Add("outcome", record.Outcome);
        Add("externalId", seq.ToString(CultureInfo.InvariantCulture));
        Add("suid", record.UserId);
        Add("suser", record.UserName);
        if (record.IpAddress is { } ip)
        {
            // src must be an address; anything else (a host name) goes to shost.
            Add(IPAddress.TryParse(ip, out _) ? "src" : "shost", ip);
        }

        Add("requestClientApplication", record.UserAgent);
        Add("reason", record.Reason);
        if (record.Owasp is not null)
        {
            Add("cs1Label", "owasp");
            Add("cs1", record.Owasp);
        }

        if (record.RequestId is not null)
        {
            Add("cs2Label", "request_id");
            Add("cs2", record.RequestId);
        }

        var leftovers = new List<KeyValuePair<string, object?>>();
        var seenFields = new HashSet<string>(StringComparer.Ordinal);
        var usedKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in record.Fields)
        {
            if (field.Value is null || !seenFields.Add(field.Key))
            {
                continue;
            }

            var key = field.Key switch
            {
                "target_user_id" => "duid",
                "target_user_name" => "duser",
                "role" or "permission" => "dpriv",
                "action" => "act",
                "count" or "record_count" when IsInteger(field.Value) => "cnt",
                _ => null,
            };
            if (key is not null && usedKeys.Add(key))
            {
                Add(key, ValueText(field.Value));
            }
            else
            {
                leftovers.Add(field);
            }
        }

        var slot = FirstFreeCustomString;
        for (var i = 0; i < leftovers.Count; i++, slot++)
        {
            var label = "cs" + slot.ToString(CultureInfo.InvariantCulture);
            if (slot == LastCustomString && i < leftovers.Count - 1)
            {
                Add(label + "Label", "fields");
                Add(label, FieldsAsJson(leftovers.Skip(i)));
                break;
            }

            Add(label + "Label", leftovers[i].Key);
            Add(label, ValueText(leftovers[i].Value));
        }

        return builder.ToString();
    }

    private static bool IsInteger(object? value) => value is int or long or short or byte or uint or ulong or ushort or sbyte;

    private static string? ValueText(object? value) => value switch
    {
        null => null,
        string s => s,
        bool b => b ? "true" : "false",
        DateTimeOffset d => d.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        DateTime d => d.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static string FieldsAsJson(IEnumerable<KeyValuePair<string, object?>> fields)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            foreach (var (key, value) in fields)
            {
                writer.WriteString(key, ValueText(value));
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
