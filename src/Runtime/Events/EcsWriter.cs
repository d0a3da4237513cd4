using System.Globalization;
using System.Text.Json;

namespace SecureLogging;

/// <summary>Writes a record in Elastic Common Schema shape (see <see cref="SecurityEventFormat.Ecs"/>).</summary>
internal static class EcsWriter
{
    public static void Write(SecurityEventRecord record, Utf8JsonWriter writer)
    {
        var definition = record.Definition;
        writer.WriteString("@timestamp", FieldValues.FormatTimestamp(record.Timestamp));

        writer.WriteStartObject("log");
        writer.WriteString("level", SecurityEventRecord.LevelName(record.Level));
        writer.WriteEndObject();

        writer.WriteStartObject("event");
        writer.WriteString("kind", definition?.IsAlert == true ? "alert" : "event");
        writer.WriteString("action", record.Event);
        WriteArray(writer, "category", definition?.EcsCategory ?? ["iam"]);
        WriteArray(writer, "type", definition?.EcsType ?? ["info"]);
        writer.WriteString("outcome", record.Outcome);
        if (record.EventId != 0)
        {
            writer.WriteString("code", record.EventId.ToString(CultureInfo.InvariantCulture));
        }

        WriteIfSet(writer, "reason", record.Reason);
        writer.WriteEndObject();

        string? targetUserId = null;
        foreach (var field in record.Fields)
        {
            if (field.Key == FieldNames.TargetUserId)
            {
                targetUserId = field.Value as string;
            }
        }

        if (record.UserId is not null || record.UserName is not null || targetUserId is not null)
        {
            writer.WriteStartObject("user");
            WriteIfSet(writer, "id", record.UserId);
            WriteIfSet(writer, "name", record.UserName);
            if (targetUserId is not null)
            {
                writer.WriteStartObject("target");
                writer.WriteString("id", targetUserId);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        if (record.IpAddress is not null)
        {
            // source.ip is an ECS "ip" field: a value that is not an address goes to source.address, so ingestion never rejects the event.
            writer.WriteStartObject("source");
            writer.WriteString(SecurityEventRecord.IsIpAddress(record.IpAddress) ? "ip" : "address", record.IpAddress);
            writer.WriteEndObject();
        }

        if (record.UserAgent is not null)
        {
            writer.WriteStartObject("user_agent");
            writer.WriteString("original", record.UserAgent);
            writer.WriteEndObject();
        }

        if (record.RequestId is not null)
        {
            writer.WriteStartObject("http");
            writer.WriteStartObject("request");
            writer.WriteString("id", record.RequestId);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        // Custom fields live under one product namespace, as ECS asks of fields it does not define.
        writer.WriteStartObject("securelogging");
        WriteIfSet(writer, "owasp", record.Owasp);
        foreach (var field in record.Fields)
        {
            if (field.Key == FieldNames.TargetUserId)
            {
                continue;
            }

            writer.WritePropertyName(field.Key);
            SecurityEventRecord.WriteValue(writer, field.Value);
        }

        writer.WriteEndObject();
    }

    private static void WriteArray(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private static void WriteIfSet(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
