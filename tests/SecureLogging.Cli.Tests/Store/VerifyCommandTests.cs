namespace SecureLogging.Cli.Tests.Store;

public sealed class VerifyCommandTests
{
    [Fact]
    public void Intact_store_prints_ok_with_the_event_count_and_exits_0()
    {
        using var fixture = new StoreCommandFixture();
        fixture.Write(7, 5);

        var (exit, stdout, _) = fixture.Run("verify", fixture.StoreDirectory, "--key-file", fixture.KeyFile);

        Assert.Equal(0, exit);
        Assert.StartsWith("ok, 12 records", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Single_file_verifies_too()
    {
        using var fixture = new StoreCommandFixture();
        fixture.Write(3, 0);

        var (exit, stdout, _) = fixture.Run("verify", fixture.Files[0], "--key-file", fixture.KeyFile);

        Assert.Equal(0, exit);
        Assert.StartsWith("ok, 3 records", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Edited_record_names_file_and_line_and_exits_1()
    {
        using var fixture = new StoreCommandFixture();
        fixture.Write(7, 5);
        var file = fixture.Files[0];
        var lines = File.ReadAllLines(file);
        lines[4] = lines[4].Replace("alice", "alicf", StringComparison.Ordinal);
        File.WriteAllLines(file, lines);

        var (exit, stdout, _) = fixture.Run("verify", fixture.StoreDirectory, "--key-file", fixture.KeyFile);

        Assert.Equal(1, exit);
        Assert.StartsWith(Path.Combine(fixture.StoreDirectory, Path.GetFileName(file)) + ":5: ", stdout, StringComparison.Ordinal);
        Assert.Contains("edited", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Crash_torn_tail_is_a_note_not_a_failure()
    {
        using var fixture = new StoreCommandFixture();
        fixture.Write(4, 0, close: false);
        File.AppendAllText(fixture.Files[0], "{\"seq\":6,\"timesta");

        var (exit, stdout, stderr) = fixture.Run("verify", fixture.StoreDirectory, "--key-file", fixture.KeyFile);

        Assert.Equal(0, exit);
        Assert.Equal("ok, 4 records" + Environment.NewLine, stdout);
        Assert.Contains("torn tail", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Checkpoint_beyond_the_end_reports_truncation()
    {
        using var fixture = new StoreCommandFixture();
        fixture.Write(4, 0, close: false);

        var (exit, stdout, _) = fixture.Run("verify", fixture.StoreDirectory, "--key-file", fixture.KeyFile, "--checkpoint", "9:" + new string('0', 64));

        Assert.Equal(1, exit);
        Assert.Contains("truncated", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Require_closed_fails_an_open_store()
    {
        using var fixture = new StoreCommandFixture();
        fixture.Write(4, 0, close: false);

        Assert.Equal(0, fixture.Run("verify", fixture.StoreDirectory, "--key-file", fixture.KeyFile).Exit);
        Assert.Equal(1, fixture.Run("verify", fixture.StoreDirectory, "--key-file", fixture.KeyFile, "--require-closed").Exit);
    }

    [Theory]
    [InlineData("verify")]
    [InlineData("verify", "{store}")]
    [InlineData("verify", "{store}", "--key-file")]
    [InlineData("verify", "{store}", "--key-file", "/nonexistent/key")]
    [InlineData("verify", "/nonexistent/store", "--key-file", "{key}")]
    [InlineData("verify", "{store}", "--key-file", "{key}", "--checkpoint", "12")]
    [InlineData("verify", "{store}", "--key-file", "{key}", "--bogus")]
    public void Usage_errors_exit_2_with_help(params string[] args)
    {
        using var fixture = new StoreCommandFixture();
        fixture.Write(1, 0);
        var resolved = args.Select(a => a.Replace("{store}", fixture.StoreDirectory, StringComparison.Ordinal).Replace("{key}", fixture.KeyFile, StringComparison.Ordinal)).ToArray();

        var (exit, _, stderr) = fixture.Run(resolved);

        Assert.Equal(2, exit);
        Assert.Contains("usage: securelog verify", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_key_fails_at_line_1_with_a_hint_for_text_keys()
    {
        using var fixture = new StoreCommandFixture();
        fixture.Write(2, 0);
        var textKey = Path.Combine(fixture.Root, "key.b64");
        File.WriteAllText(textKey, Convert.ToBase64String(File.ReadAllBytes(fixture.KeyFile)) + "\n");

        var (exit, stdout, stderr) = fixture.Run("verify", fixture.StoreDirectory, "--key-file", textKey);

        Assert.Equal(1, exit);
        Assert.Contains(":1: ", stdout, StringComparison.Ordinal);
        Assert.Contains("raw key bytes", stderr, StringComparison.Ordinal);
    }
}
