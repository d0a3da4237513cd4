using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SecureLogging.Tests.Store;

public sealed class SecurityEventStoreTests
{
    private static SecurityEventStore CreateStore(string directory, Action<SecureLoggingOptions>? configure = null, ILogger<SecurityEventStore>? logger = null)
    {
        var options = new SecureLoggingOptions { StoreDirectory = directory, ChainKey = StoreTestDirectory.Key };
        configure?.Invoke(options);
        return new SecurityEventStore(Options.Create(options), logger);
    }

    private static SecurityEventRecord Event(int thread, int i)
        => SecurityEventRecord.Create(new SecurityEvent(SecurityEventNames.AuthenticationFailure) { UserName = "user" + thread, IpAddress = "10.0.0.1", Reason = "bad password" }
            .With("thread", thread).With("index", i));

    [Fact]
    public async Task Sixteen_threads_write_concurrently_and_every_record_is_chained_and_present()
    {
        using var dir = new StoreTestDirectory();
        const int Threads = 16;
        const int PerThread = 2500;
        var store = CreateStore(dir.Path, o =>
        {
            o.Store.QueueCapacity = Threads * PerThread;
            o.Store.MaxFileSize = 1024 * 1024;
        });

        using (var start = new Barrier(Threads))
        {
            var threads = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
            {
                start.SignalAndWait();
                for (var i = 0; i < PerThread; i++)
                {
                    store.Write(Event(t, i));
                }
            })).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());
        }

        await store.DisposeAsync();

        var stats = store.Statistics;
        Assert.Equal(0, stats.Dropped);
        Assert.Equal(Threads * PerThread, stats.Written);
        var result = dir.Verify(requireClosed: true);
        Assert.True(result.Ok, result.Summary);
        Assert.Equal(Threads * PerThread, result.Records);
        Assert.True(result.Files > 1, "1 MiB files rotate");

        var seen = new HashSet<(int, int)>();
        foreach (var file in dir.Files)
        {
            foreach (var line in File.ReadLines(file))
            {
                using var json = JsonDocument.Parse(line);
                if (json.RootElement.TryGetProperty("thread", out var thread))
                {
                    Assert.True(seen.Add((thread.GetInt32(), json.RootElement.GetProperty("index").GetInt32())));
                }
            }
        }

        Assert.Equal(Threads * PerThread, seen.Count);
    }

    [Fact]
    public async Task Records_are_the_canonical_event_json_framed_by_seq_and_chain()
    {
        using var dir = new StoreTestDirectory();
        var store = CreateStore(dir.Path);
        var record = Event(1, 2);
        store.Write(record);
        await store.DisposeAsync();

        var lines = File.ReadAllLines(dir.Files[0]);
        Assert.Equal(3, lines.Length);
        Assert.Contains("\"event\":\"store.opened\"", lines[0], StringComparison.Ordinal);
        Assert.Equal("{\"seq\":2," + record.ToJson()[1..^1] + ",\"chain\":\"", lines[1][..^66]);
        Assert.Contains("\"event\":\"store.closed\"", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Flush_waits_until_accepted_events_are_written()
    {
        using var dir = new StoreTestDirectory();
        var store = CreateStore(dir.Path);
        for (var i = 0; i < 100; i++)
        {
            store.Write(Event(0, i));
        }

        await store.FlushAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(100, store.Statistics.Written);
        Assert.Equal(100, File.ReadAllLines(dir.Files[0]).Count(l => l.Contains("authentication.failure", StringComparison.Ordinal)));
        await store.DisposeAsync();
    }

    [Fact]
    public async Task Unwritable_directory_logs_one_clear_error_counts_and_never_throws_then_recovers_and_records_the_drops()
    {
        using var dir = new StoreTestDirectory();
        var blocker = Path.Combine(dir.Path, "not-a-directory");
        File.WriteAllText(blocker, "a file where the store directory should be");
        var storeDirectory = Path.Combine(blocker, "store");
        var logger = new ListLogger<SecurityEventStore>();
        var store = CreateStore(storeDirectory, o => o.Store.QueueCapacity = 2, logger);

        for (var i = 0; i < 5; i++)
        {
            store.Write(Event(0, i));
        }

        await WaitUntil(() => store.Statistics.WriteErrors >= 2, TimeSpan.FromSeconds(20));
        var stats = store.Statistics;
        Assert.Equal(3, stats.DroppedQueueFull);
        Assert.Equal(2, stats.Accepted);
        Assert.NotNull(stats.LastError);
        var errors = logger.Entries.Where(e => e.Level == LogLevel.Error).ToList();
        var error = Assert.Single(errors);
        Assert.Contains(storeDirectory, error.Message, StringComparison.Ordinal);
        Assert.Contains("writable", error.Message, StringComparison.Ordinal);
        Assert.Single(logger.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("dropped", StringComparison.Ordinal));

        // The directory becomes writable: the two queued events are written, and the three dropped ones are on record.
        File.Delete(blocker);
        await store.FlushAsync().WaitAsync(TimeSpan.FromSeconds(30));
        await store.DisposeAsync();

        Assert.Equal(2, store.Statistics.Written);
        var result = StoreVerifier.Verify(storeDirectory, StoreTestDirectory.Key, requireClosed: true);
        Assert.True(result.Ok, result.Summary);
        Assert.Equal(2, result.Records);
        var dropped = File.ReadLines(StoreFileName.List(storeDirectory)[0].Path).Single(l => l.Contains("store.dropped", StringComparison.Ordinal));
        Assert.Contains("\"count\":3,\"queue_full\":3", dropped, StringComparison.Ordinal);
        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Information && e.Message.Contains("again", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Dispose_with_a_directory_that_never_becomes_writable_counts_the_queued_events_as_lost()
    {
        using var dir = new StoreTestDirectory();
        var blocker = Path.Combine(dir.Path, "file");
        File.WriteAllText(blocker, string.Empty);
        var store = CreateStore(Path.Combine(blocker, "store"));
        store.Write(Event(0, 0));
        store.Write(Event(0, 1));

        var dispose = store.DisposeAsync().AsTask();
        await dispose.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(2, store.Statistics.FailedWrites);
        Assert.Equal(0, store.Statistics.Written);
        store.Write(Event(0, 2));
        Assert.Equal(1, store.Statistics.DroppedQueueFull);
    }

    [Fact]
    public void A_store_without_directory_is_inactive_and_ignores_events()
    {
        var store = new SecurityEventStore(Options.Create(new SecureLoggingOptions()));

        store.Write(Event(0, 0));
        store.Dispose();

        Assert.False(store.IsEnabled);
        Assert.Equal(0, store.Statistics.Accepted);
    }

    [Fact]
    public async Task Checkpoints_are_written_and_handed_to_the_callback()
    {
        using var dir = new StoreTestDirectory();
        var checkpoints = new List<StoreCheckpoint>();
        var store = CreateStore(dir.Path, o =>
        {
            o.Store.CheckpointInterval = TimeSpan.FromSeconds(1);
            o.Store.OnCheckpoint = c =>
            {
                lock (checkpoints)
                {
                    checkpoints.Add(c);
                }
            };
        });
        store.Write(Event(0, 0));
        await WaitUntil(() => store.Statistics.LastCheckpoint is not null, TimeSpan.FromSeconds(20));
        store.Write(Event(0, 1));
        await store.DisposeAsync();

        lock (checkpoints)
        {
            Assert.True(checkpoints.Count >= 2, "a periodic checkpoint and the closing record");
            foreach (var checkpoint in checkpoints)
            {
                var result = StoreVerifier.Verify(dir.Path, StoreTestDirectory.Key, checkpoint);
                Assert.True(result.Ok, result.Summary);
            }
        }

        Assert.Contains(File.ReadLines(dir.Files[0]), l => l.Contains("\"event\":\"store.checkpoint\"", StringComparison.Ordinal));
    }

    internal static async Task WaitUntil(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("condition not met in " + timeout);
            }

            await Task.Delay(20);
        }
    }
}
