using System.Text;

namespace SecureLogging.Cli.Tests.Store;

/// <summary>A store directory with a key file, written with the runtime's writer, for the verify/tail/stats tests.</summary>
internal sealed class StoreCommandFixture : IDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly byte[] Key = Enumerable.Range(100, 32).Select(i => (byte)i).ToArray();

    public StoreCommandFixture()
    {
        Root = Path.Combine(Path.GetTempPath(), "securelog-cli-" + Guid.NewGuid().ToString("N"));
        StoreDirectory = Path.Combine(Root, "store");
        Directory.CreateDirectory(StoreDirectory);
        KeyFile = Path.Combine(Root, "chain.key");
        File.WriteAllBytes(KeyFile, Key);
    }

    public string Root { get; }

    public string StoreDirectory { get; }

    public string KeyFile { get; }

    public string[] Files => StoreFileName.List(StoreDirectory).Select(f => f.Path).ToArray();

    public static byte[] Event(string name, string outcome, string? user, string? ip, int i)
        => Encoding.UTF8.GetBytes(
            $"{{\"timestamp\":\"2026-03-01T12:00:{i % 60:00}.000Z\",\"level\":\"{(outcome == "failure" ? "warning" : "info")}\",\"event\":\"{name}\",\"owasp\":null,\"outcome\":\"{outcome}\"," +
            $"\"user_id\":null,\"user_name\":{Quote(user)},\"ip_address\":{Quote(ip)},\"request_id\":\"req-{i}\",\"user_agent\":\"curl/8.0 (x)\",\"reason\":null}}");

    /// <summary>Writes events: <paramref name="failures"/> failed logins of alice from 10.0.0.1, then <paramref name="successes"/> successes of bob.</summary>
    public void Write(int failures, int successes, bool close = true, long maxFileSize = 64 * 1024 * 1024)
    {
        var writer = new StoreWriter(StoreDirectory, Key, StoreDurability.OperatingSystem, maxFileSize);
        writer.Open(Now);
        for (var i = 0; i < failures; i++)
        {
            writer.Append(Event("authentication.failure", "failure", "alice", "10.0.0.1", i), Now);
        }

        for (var i = 0; i < successes; i++)
        {
            writer.Append(Event("authentication.success", "success", "bob", "10.0.0." + (2 + (i % 3)), i), Now);
        }

        writer.Commit();
        if (close)
        {
            writer.Close(Now);
        }
        else
        {
            writer.Abandon();
        }

        writer.Dispose();
    }

    public (int Exit, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = Program.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static string Quote(string? value) => value is null ? "null" : "\"" + value + "\"";
}
