using System.Globalization;
using System.Text.Json;

namespace SecureLogging;

/// <summary>Writes and reads the JSON of store records (the part of a line the chain framing wraps).</summary>
internal static class StoreRecordJson
{
    /// <summary>The SPEC §8 timestamp form: UTC ISO 8601 with milliseconds.</summary>
    public static string FormatTimestamp(DateTimeOffset timestamp)
        => timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Writes the fields every store record starts with.</summary>
    public static void WriteStart(Utf8JsonWriter writer, DateTimeOffset timestamp, string level, string kind, string file)
    {
        writer.WriteStartObject();
        writer.WriteString("timestamp", FormatTimestamp(timestamp));
        writer.WriteString("level", level);
        writer.WriteString("event", kind);
        writer.WriteString("file", file);
    }

    /// <summary>
    /// The value of the top-level <c>event</c> property of a store line, or null when the line is not a JSON object
    /// or has none. Stops reading at the property, so it is cheap on long records.
    /// </summary>
    public static string? ReadEvent(ReadOnlySpan<byte> line)
    {
        try
        {
            var reader = new Utf8JsonReader(line);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isEvent = reader.ValueTextEquals("event"u8);
                if (!reader.Read())
                {
                    return null;
                }

                if (isEvent)
                {
                    return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
        }

        return null;
    }

    /// <summary>Parses a store record (any line whose event starts with <c>store.</c>); null when it is not valid JSON.</summary>
    public static StoreRecord? ReadStoreRecord(ReadOnlySpan<byte> line)
    {
        try
        {
            using var document = JsonDocument.Parse(line.ToArray());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var record = new StoreRecord
            {
                Event = GetString(root, "event") ?? string.Empty,
                File = GetString(root, "file"),
                Reason = GetString(root, "reason"),
                PrevFile = GetString(root, "prev_file"),
                PrevSeq = GetInt64(root, "prev_seq"),
                PrevChain = GetString(root, "prev_chain"),
                TornFile = GetString(root, "torn_file"),
                TornBytes = GetInt64(root, "torn_bytes"),
                LastSeq = GetInt64(root, "last_seq"),
            };
            if (DateTimeOffset.TryParse(GetString(root, "timestamp"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var timestamp))
            {
                record.Timestamp = timestamp;
            }

            if (root.TryGetProperty("deleted_files", out var deleted) && deleted.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in deleted.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.String)
                    {
                        record.DeletedFiles.Add(item.GetString()!);
                    }
                }
            }

            return record;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The top-level <c>timestamp</c> of any store line, or null.</summary>
    public static DateTimeOffset? ReadTimestamp(ReadOnlySpan<byte> line)
    {
        try
        {
            var reader = new Utf8JsonReader(line);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isTimestamp = reader.ValueTextEquals("timestamp"u8);
                if (!reader.Read())
                {
                    return null;
                }

                if (isTimestamp)
                {
                    return reader.TokenType == JsonTokenType.String
                        && DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
                        ? value
                        : null;
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
        }

        return null;
    }

    private static string? GetString(JsonElement root, string name)
        => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static long? GetInt64(JsonElement root, string name)
        => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) ? number : null;
}

/// <summary>The fields of a store record the verifier and the recovery need.</summary>
internal sealed class StoreRecord
{
    public string Event { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public string? File { get; set; }

    public string? Reason { get; set; }

    public string? PrevFile { get; set; }

    public long? PrevSeq { get; set; }

    public string? PrevChain { get; set; }

    public string? TornFile { get; set; }

    public long? TornBytes { get; set; }

    public long? LastSeq { get; set; }

    public List<string> DeletedFiles { get; } = [];
}
