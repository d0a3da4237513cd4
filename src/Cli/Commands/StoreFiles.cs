using System.Text.Json;

namespace SecureLogging.Cli.Commands;

/// <summary>What <c>tail</c> and <c>stats</c> read: the files of a store directory in chain order, or one file.</summary>
internal static class StoreFiles
{
    /// <summary>The store files behind <paramref name="path"/>; a usage error when it does not exist.</summary>
    public static IReadOnlyList<string> Resolve(string path)
    {
        if (File.Exists(path))
        {
            return [path];
        }

        if (Directory.Exists(path))
        {
            return StoreFileName.List(path).ConvertAll(f => f.Path);
        }

        throw new UsageException($"'{path}' does not exist.");
    }

    /// <summary>True for the store's own records (<c>store.opened</c>, checkpoints, …) rather than security events.</summary>
    public static bool IsStoreRecord(JsonElement record)
        => record.TryGetProperty("event", out var name)
            && name.ValueKind == JsonValueKind.String
            && name.GetString()!.StartsWith(StoreRecordKinds.Prefix, StringComparison.Ordinal);

    /// <summary>Parses one line; null for a torn or otherwise unreadable line.</summary>
    public static JsonDocument? TryParse(ReadOnlySpan<byte> line)
    {
        try
        {
            var document = JsonDocument.Parse(line.ToArray());
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document;
            }

            document.Dispose();
        }
        catch (JsonException)
        {
        }

        return null;
    }

    /// <summary>A string property, or null when absent, null or not a string.</summary>
    public static string? GetString(JsonElement record, string name)
        => record.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
