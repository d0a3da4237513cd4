using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SecureLogging.Tests.Store;

namespace SecureLogging.Tests.SpecLiteral;

/// <summary>SPEC §9: "the store deletes only whole files past retention, never the active one".</summary>
public sealed class RetentionSweepSpecTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 10, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Files_whose_newest_record_is_past_retention_are_deleted_whole_and_the_store_still_verifies()
    {
        using var dir = new StoreTestDirectory();
        var time = new FakeTimeProvider(Start);

        await WriteSessionAsync(dir, time, "old-1");
        time.Advance(TimeSpan.FromDays(3));
        await WriteSessionAsync(dir, time, "old-2");
        time.Advance(TimeSpan.FromDays(60));
        await WriteSessionAsync(dir, time, "recent");
        var before = dir.Files;
        Assert.True(before.Length >= 3, string.Join(", ", before));

        // 83 and 80 days after the first two sessions: with 90 days of retention nothing is old enough yet.
        time.Advance(TimeSpan.FromDays(20));
        await WriteSessionAsync(dir, time, "now");
        var after = dir.Files;
        Assert.True(before.All(after.Contains), "before: " + string.Join(", ", before.Select(Path.GetFileName)) + " after: " + string.Join(", ", after.Select(Path.GetFileName)));

        // 94 and 91 days after the first two sessions: their files go, the rest stay.
        time.Advance(TimeSpan.FromDays(11));
        await WriteSessionAsync(dir, time, "later");

        var remaining = dir.Files;
        var allText = string.Join("\n", remaining.Select(File.ReadAllText));
        Assert.DoesNotContain("old-1", allText, StringComparison.Ordinal);
        Assert.DoesNotContain("old-2", allText, StringComparison.Ordinal);
        Assert.Contains("recent", allText, StringComparison.Ordinal);
        Assert.Contains("later", allText, StringComparison.Ordinal);
        Assert.All(remaining, f => Assert.True(File.ReadAllText(f).EndsWith('\n'), "whole files only: " + f));

        var result = dir.Verify();
        Assert.True(result.Ok, result.Summary);
    }

    [Fact]
    public async Task The_active_file_is_never_deleted_even_when_every_record_in_it_is_past_retention()
    {
        using var dir = new StoreTestDirectory();
        var time = new FakeTimeProvider(Start);
        var store = CreateStore(dir, time);
        store.Write(Event("first", time));
        await store.FlushAsync();

        // The clock jumps past retention while the store is open; the next write triggers timers and the sweep.
        time.Advance(TimeSpan.FromDays(400));
        store.Write(Event("second", time));
        await store.FlushAsync();
        await store.DisposeAsync();

        var text = string.Join("\n", dir.Files.Select(File.ReadAllText));
        Assert.Contains("second", text, StringComparison.Ordinal);
        var result = dir.Verify();
        Assert.True(result.Ok, result.Summary);
        Assert.True(result.Records >= 1);
    }

    private static SecurityEventStore CreateStore(StoreTestDirectory dir, TimeProvider time)
        => new(Options.Create(new SecureLoggingOptions
        {
            StoreDirectory = dir.Path,
            ChainKey = StoreTestDirectory.Key,
            Retention = TimeSpan.FromDays(90),
        }), timeProvider: time);

    private static async Task WriteSessionAsync(StoreTestDirectory dir, FakeTimeProvider time, string user)
    {
        var store = CreateStore(dir, time);
        for (var i = 0; i < 3; i++)
        {
            store.Write(Event(user, time));
        }

        await store.FlushAsync();
        await store.DisposeAsync();
    }

    private static SecurityEventRecord Event(string user, TimeProvider time)
        => SecurityEventRecord.Create(new SecurityEvent(SecurityEventNames.AuthenticationFailure) { UserName = user, Reason = "x" }, time.GetUtcNow());
}
