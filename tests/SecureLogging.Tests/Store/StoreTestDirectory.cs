using System.Text;

namespace SecureLogging.Tests.Store;

/// <summary>A temporary store directory, deleted when disposed, with helpers to edit its files like an attacker would.</summary>
internal sealed class StoreTestDirectory : IDisposable
{
    public static readonly byte[] Key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

    public StoreTestDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "securelog-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string[] Files => StoreFileName.List(Path).Select(f => f.Path).ToArray();

    public static byte[] EventJson(int i, string eventName = "authentication.failure")
        => Encoding.UTF8.GetBytes($"{{\"timestamp\":\"2026-01-01T00:00:00.000Z\",\"level\":\"warning\",\"event\":\"{eventName}\",\"outcome\":\"failure\",\"user_name\":\"user{i}\",\"n\":{i}}}");

    /// <summary>Writes <paramref name="count"/> events with one writer session and closes it.</summary>
    public StoreWriter WriteSession(int count, DateTimeOffset now, long maxFileSize = 64 * 1024 * 1024, bool close = true)
    {
        var writer = new StoreWriter(Path, Key, StoreDurability.OperatingSystem, maxFileSize);
        writer.Open(now);
        for (var i = 0; i < count; i++)
        {
            writer.Append(EventJson(i), now);
        }

        writer.Commit();
        if (close)
        {
            writer.Close(now);
            writer.Dispose();
        }

        return writer;
    }

    public StoreVerification Verify(bool requireClosed = false, StoreCheckpoint? checkpoint = null)
        => StoreVerifier.Verify(Path, Key, checkpoint, requireClosed);

    public static List<string> ReadLines(string file) => File.ReadAllText(file).Split('\n').ToList();

    /// <summary>Rewrites a file from lines (the last element is what follows the last newline).</summary>
    public static void WriteLines(string file, List<string> lines) => File.WriteAllText(file, string.Join('\n', lines));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
