using System.Text.Json;

namespace SecureLogging.Cli.Tests.Store;

public sealed class TailAndStatsCommandTests
{
    [Fact]
    public void Tail_prints_the_last_events_pretty_without_store_records()
    {
        using var fixture = new StoreCommandFixture();
        fixture.Write(3, 4);

        var (exit, stdout, _) = fixture.Run("tail", fixture.StoreDirectory, "-n", "5");

        Assert.Equal(0, exit);
        var lines = stdout.TrimEnd().Split('\n');
        Assert.Equal(5, lines.Length);
        Assert.Contains("authentication.failure outcome=failure user_name=alice ip_address=10.0.0.1", lines[0], StringComparison.Ordinal);
        Assert.Contains("user_agent=\"curl/8.0 (x)\"", lines[0], StringComparison.Ordinal);
        Assert.Contains("authentication.success", lines[^1], StringComparison.Ordinal);
        Assert.DoesNotContain("store.", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("chain", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Tail_raw_prints_stored_json_and_all_includes_store_records()
    {
        using var fixture = new StoreCommandFixture();
        fixture.Write(2, 0);

        var raw = fixture.Run("tail", fixture.StoreDirectory, "--raw").Out.TrimEnd().Split('\n');
        Assert.Equal(2, raw.Length);
        Assert.All(raw, l => Assert.StartsWith("{\"seq\":", l, StringComparison.Ordinal));
        Assert.Equal(File.ReadAllLines(fixture.Files[0])[1], raw[0]);

        var all = fixture.Run("tail", fixture.StoreDirectory, "--raw", "--all", "-n", "100").Out.TrimEnd().Split('\n');
        Assert.Equal(4, all.Length);
        Assert.Contains("store.opened", all[0], StringComparison.Ordinal);
        Assert.Contains("store.closed", all[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tail_follow_prints_new_events_across_a_rotation()
    {
        using var fixture = new StoreCommandFixture();
        fixture.Write(1, 0, close: false);
        var output = new StringWriter();
        var tail = new Commands.TailCommand.Tail(fixture.StoreDirectory, raw: false, all: false, output);
        tail.PrintLast(10);
        using var stop = new CancellationTokenSource();
        var following = Task.Run(() => tail.Follow(TimeSpan.FromMilliseconds(20), stop.Token));

        fixture.Write(0, 2);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length < 3 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        stop.Cancel();
        await following.WaitAsync(TimeSpan.FromSeconds(5));
        var lines = output.ToString().TrimEnd().Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.Contains("authentication.failure", lines[0], StringComparison.Ordinal);
        Assert.Contains("authentication.success", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Stats_counts_events_per_type_and_outcome_and_ranks_users_and_ips()
    {
        using var fixture = new StoreCommandFixture();
        fixture.Write(6, 3);

        var (exit, stdout, _) = fixture.Run("stats", fixture.StoreDirectory, "--json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.Equal(9, root.GetProperty("events").GetInt64());
        Assert.Equal(2, root.GetProperty("store_records").GetInt64());
        Assert.Equal(6, root.GetProperty("by_event").GetProperty("authentication.failure").GetInt64());
        Assert.Equal(3, root.GetProperty("by_outcome").GetProperty("success").GetInt64());
        Assert.Equal("alice", root.GetProperty("top_users")[0].GetProperty("user").GetString());
        Assert.Equal(6, root.GetProperty("top_users")[0].GetProperty("count").GetInt64());
        Assert.Equal("10.0.0.1", root.GetProperty("top_ips")[0].GetProperty("ip").GetString());
        Assert.Equal(4, root.GetProperty("top_ips").GetArrayLength());
    }

    [Fact]
    public void Stats_text_lists_sections()
    {
        using var fixture = new StoreCommandFixture();
        fixture.Write(2, 1);

        var (exit, stdout, _) = fixture.Run("stats", fixture.StoreDirectory, "--top", "1");

        Assert.Equal(0, exit);
        Assert.StartsWith("3 security events in 1 file(s)", stdout, StringComparison.Ordinal);
        Assert.Contains("top 1 users:\n  2  alice", stdout.Replace("\r", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("bob", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tail")]
    [InlineData("tail", "/nonexistent")]
    [InlineData("tail", "{store}", "-n", "x")]
    [InlineData("stats")]
    [InlineData("stats", "{store}", "--top", "0")]
    public void Usage_errors_exit_2(params string[] args)
    {
        using var fixture = new StoreCommandFixture();
        var resolved = args.Select(a => a.Replace("{store}", fixture.StoreDirectory, StringComparison.Ordinal)).ToArray();

        Assert.Equal(2, fixture.Run(resolved).Exit);
    }
}
