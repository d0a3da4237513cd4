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
        File.WriteAllText(textKey, Convert.ToBase64String(Enumerable.Repeat((byte)7, 32).ToArray()) + "\n");

        var (exit, stdout, stderr) = fixture.Run("verify", fixture.StoreDirectory, "--key-file", textKey);

        Assert.Equal(1, exit);
        Assert.Contains(":1: ", stdout, StringComparison.Ordinal);
        Assert.Contains("raw key bytes", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("base64")]
    [InlineData("hex")]
    public void The_right_key_written_as_text_verifies_with_a_note(string encoding)
    {
        using var fixture = new StoreCommandFixture();
        fixture.Write(3, 0);
        var key = File.ReadAllBytes(fixture.KeyFile);
        var textKey = Path.Combine(fixture.Root, "key.txt");
        File.WriteAllText(textKey, (encoding == "hex" ? Convert.ToHexString(key) : Convert.ToBase64String(key)) + "\n");

        var (exit, stdout, stderr) = fixture.Run("verify", fixture.StoreDirectory, "--key-file", textKey);

        Assert.Equal(0, exit);
        Assert.Equal("ok, 3 records", stdout.Trim());
        Assert.Contains(encoding + " text", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_file_with_a_trailing_line_break_verifies()
    {
        using var fixture = new StoreCommandFixture();
        fixture.Write(2, 0);
        var withNewline = Path.Combine(fixture.Root, "key.nl");
        File.WriteAllBytes(withNewline, [.. File.ReadAllBytes(fixture.KeyFile), (byte)'\n']);

        var (exit, stdout, _) = fixture.Run("verify", fixture.StoreDirectory, "--key-file", withNewline);

        Assert.Equal(0, exit);
        Assert.Equal("ok, 2 records", stdout.Trim());
    }

    [Fact]
    public void Tampering_is_still_reported_at_its_line_with_a_text_key()
    {
        using var fixture = new StoreCommandFixture();
        fixture.Write(6, 0);
        var file = fixture.Files[0];
        var lines = File.ReadAllLines(file);
        lines[4] = lines[4].Replace("alice", "alicf", StringComparison.Ordinal);
        File.WriteAllLines(file, lines);
        var textKey = Path.Combine(fixture.Root, "key.txt");
        File.WriteAllText(textKey, Convert.ToBase64String(File.ReadAllBytes(fixture.KeyFile)));

        var (exit, stdout, _) = fixture.Run("verify", fixture.StoreDirectory, "--key-file", textKey);

        Assert.Equal(1, exit);
        Assert.Contains(":5: ", stdout, StringComparison.Ordinal);
    }
}
