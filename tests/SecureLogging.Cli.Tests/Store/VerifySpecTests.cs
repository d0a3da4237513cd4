using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SecureLogging.Cli.Tests.Store;

/// <summary>
/// SPEC §7/§9 for <c>securelog verify</c>, read literally: "prints `ok, N records` and exits 0, or names the first
/// broken record (file and line) and exits 1; 2 for usage errors", over a store written by the real pipeline.
/// </summary>
public sealed class VerifySpecTests : IDisposable
{
    private static readonly byte[] Key = Enumerable.Range(7, 32).Select(i => (byte)(i * 3)).ToArray();
    private readonly string _root = Path.Combine(Path.GetTempPath(), "securelog-verify-spec-" + Guid.NewGuid().ToString("N"));

    public VerifySpecTests()
    {
        Directory.CreateDirectory(_root);
        StoreDirectory = Path.Combine(_root, "security");
        KeyFile = Path.Combine(_root, "chain.key");
        File.WriteAllBytes(KeyFile, Key);
    }

    private string StoreDirectory { get; }

    private string KeyFile { get; }

    private string[] StoreFilesInOrder => StoreFileName.List(StoreDirectory).Select(f => f.Path).ToArray();

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public void Store_written_by_AddSecureLogging_verifies_with_exactly_ok_N_records_on_stdout()
    {
        WriteThroughThePipeline(25);

        var (exit, stdout, _) = Run("verify", StoreDirectory, "--key-file", KeyFile);

        Assert.Equal(0, exit);
        Assert.Equal("ok, 25 records", stdout.Trim());
    }

    [Fact]
    public void Key_file_option_in_equals_form_and_before_the_path_works_too()
    {
        WriteThroughThePipeline(3);

        var (exit, stdout, _) = Run("verify", "--key-file=" + KeyFile, StoreDirectory);

        Assert.Equal(0, exit);
        Assert.Equal("ok, 3 records", stdout.Trim());
    }

    [Fact]
    public void A_single_store_file_verifies()
    {
        WriteThroughThePipeline(4);

        var (exit, stdout, _) = Run("verify", StoreFilesInOrder.Single(), "--key-file", KeyFile);

        Assert.Equal(0, exit);
        Assert.Equal("ok, 4 records", stdout.Trim());
    }

    [Fact]
    public void An_edited_event_is_named_by_file_and_line_and_exits_1()
    {
        WriteThroughThePipeline(10);
        var file = StoreFilesInOrder.Single();
        var lines = File.ReadAllLines(file);
        var index = Array.FindIndex(lines, l => l.Contains("\"user5\"", StringComparison.Ordinal));
        lines[index] = lines[index].Replace("\"user5\"", "\"admin\"", StringComparison.Ordinal);
        File.WriteAllLines(file, lines);

        var (exit, stdout, _) = Run("verify", StoreDirectory, "--key-file", KeyFile);

        Assert.Equal(1, exit);
        Assert.Contains(Path.GetFileName(file), stdout, StringComparison.Ordinal);
        Assert.Contains(":" + (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("ok,", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_deleted_event_line_is_detected()
    {
        WriteThroughThePipeline(10);
        var file = StoreFilesInOrder.Single();
        var lines = File.ReadAllLines(file).ToList();
        var index = lines.FindIndex(l => l.Contains("\"user3\"", StringComparison.Ordinal));
        lines.RemoveAt(index);
        File.WriteAllLines(file, lines);

        var (exit, stdout, _) = Run("verify", StoreDirectory, "--key-file", KeyFile);

        Assert.Equal(1, exit);
        Assert.Contains(Path.GetFileName(file) + ":" + (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void The_newest_records_cut_off_a_closed_store_is_detected()
    {
        WriteThroughThePipeline(10);
        var file = StoreFilesInOrder.Single();
        var lines = File.ReadAllLines(file);
        File.WriteAllLines(file, lines.Take(lines.Length - 3));

        var (exit, _, _) = Run("verify", StoreDirectory, "--key-file", KeyFile, "--require-closed");

        Assert.Equal(1, exit);
    }

    [Fact]
    public void A_removed_file_is_detected()
    {
        WriteThroughThePipeline(5);
        WriteThroughThePipeline(5);
        WriteThroughThePipeline(5);
        var files = StoreFilesInOrder;
        Assert.True(files.Length >= 3, string.Join(", ", files));
        File.Delete(files[1]);

        var (exit, stdout, _) = Run("verify", StoreDirectory, "--key-file", KeyFile);

        Assert.Equal(1, exit);
        Assert.Contains(":", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Restarted_stores_chain_on_and_count_every_event()
    {
        WriteThroughThePipeline(5);
        WriteThroughThePipeline(7);

        var (exit, stdout, _) = Run("verify", StoreDirectory, "--key-file", KeyFile);

        Assert.Equal(0, exit);
        Assert.Equal("ok, 12 records", stdout.Trim());
    }

    [Fact]
    public void A_directory_without_store_files_is_not_a_verified_store()
    {
        var empty = Path.Combine(_root, "empty");
        Directory.CreateDirectory(empty);

        var (exit, stdout, _) = Run("verify", empty, "--key-file", KeyFile);

        Assert.Equal(1, exit);
        Assert.StartsWith(empty + ":0: no store records found", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void The_wrong_key_fails_with_exit_1()
    {
        WriteThroughThePipeline(2);
        var wrong = Path.Combine(_root, "wrong.key");
        File.WriteAllBytes(wrong, Enumerable.Repeat((byte)9, 32).ToArray());

        var (exit, stdout, _) = Run("verify", StoreDirectory, "--key-file", wrong);

        Assert.Equal(1, exit);
        Assert.DoesNotContain("ok,", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("verify")]
    [InlineData("verify", "{store}")]
    [InlineData("verify", "--key-file", "{key}")]
    [InlineData("verify", "{store}", "--key-file", "{missing}")]
    [InlineData("verify", "{store}", "--key", "{key}")]
    [InlineData("verify", "{store}", "--key-file", "{key}", "--frobnicate")]
    [InlineData("verify", "{store}", "{store}", "--key-file", "{key}")]
    public void Usage_errors_exit_2(params string[] args)
    {
        WriteThroughThePipeline(1);
        var resolved = args.Select(a => a
            .Replace("{store}", StoreDirectory, StringComparison.Ordinal)
            .Replace("{key}", KeyFile, StringComparison.Ordinal)
            .Replace("{missing}", Path.Combine(_root, "no-such.key"), StringComparison.Ordinal)).ToArray();

        var (exit, stdout, stderr) = Run(resolved);

        Assert.Equal(2, exit);
        Assert.DoesNotContain("ok,", stdout, StringComparison.Ordinal);
        Assert.NotEqual(string.Empty, stderr);
    }

    [Fact]
    public void Tail_and_stats_read_a_pipeline_store()
    {
        WriteThroughThePipeline(6);

        var (tailExit, tailOut, _) = Run("tail", StoreDirectory, "-n", "2");
        var (statsExit, statsOut, _) = Run("stats", StoreDirectory);

        Assert.Equal(0, tailExit);
        Assert.Contains("user5", tailOut, StringComparison.Ordinal);
        Assert.DoesNotContain("user0", tailOut, StringComparison.Ordinal);
        Assert.Equal(0, statsExit);
        Assert.Contains("authentication.failure", statsOut, StringComparison.Ordinal);
        Assert.Contains("6", statsOut, StringComparison.Ordinal);
    }

    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = Program.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private void WriteThroughThePipeline(int failures)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddSecureLogging(o =>
        {
            o.StoreDirectory = StoreDirectory;
            o.ChainKey = Key;
            o.Alerts.Enabled = false;
        }));
        using var provider = services.BuildServiceProvider();
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger("Shop.Login");
        for (var i = 0; i < failures; i++)
        {
            logger.LogLoginFailed("user" + i, "invalid_credentials");
        }
    }
}
