namespace SecureLogging.Tests.Store;

public sealed class StoreRecoveryTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_restart_after_a_torn_write_names_the_torn_bytes_and_continues_the_chain()
    {
        using var dir = new StoreTestDirectory();
        dir.WriteSession(10, Now, close: false).Dispose();
        var torn = dir.Files[0];
        File.AppendAllText(torn, "{\"seq\":12,\"timest");
        var tornBytes = "{\"seq\":12,\"timest".Length;
        var before = File.ReadAllBytes(torn);

        var writer = dir.WriteSession(5, Now.AddMinutes(1));

        Assert.Equal(tornBytes, writer.Recovery!.TornBytes);
        Assert.Equal(Path.GetFileName(torn), writer.Recovery.TornFile);
        Assert.Equal(before, File.ReadAllBytes(torn));
        var header = StoreTestDirectory.ReadLines(dir.Files[1])[0];
        Assert.Contains("\"reason\":\"recovered\"", header, StringComparison.Ordinal);
        Assert.Contains($"\"torn_bytes\":{tornBytes}", header, StringComparison.Ordinal);
        Assert.Contains("\"prev_seq\":11", header, StringComparison.Ordinal);

        var result = dir.Verify(requireClosed: true);
        Assert.True(result.Ok, result.Summary);
        Assert.Equal("ok, 15 records", result.Summary);
        Assert.False(result.TornTail);
    }

    [Fact]
    public void Removing_the_torn_bytes_after_recovery_is_detected()
    {
        using var dir = new StoreTestDirectory();
        dir.WriteSession(10, Now, close: false).Dispose();
        var torn = dir.Files[0];
        var original = File.ReadAllBytes(torn);
        File.AppendAllText(torn, "{\"seq\":12,\"timest");
        dir.WriteSession(5, Now.AddMinutes(1));
        File.WriteAllBytes(torn, original);

        var result = dir.Verify();

        Assert.False(result.Ok);
        Assert.Contains("torn bytes", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_restart_after_a_clean_shutdown_is_a_restart()
    {
        using var dir = new StoreTestDirectory();
        dir.WriteSession(3, Now);
        var writer = dir.WriteSession(3, Now);

        Assert.True(writer.Recovery!.Closed);
        Assert.Contains("\"reason\":\"restart\"", StoreTestDirectory.ReadLines(dir.Files[1])[0], StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_file_left_by_a_writer_that_died_at_creation_is_skipped()
    {
        using var dir = new StoreTestDirectory();
        dir.WriteSession(3, Now, close: false).Dispose();
        File.WriteAllBytes(Path.Combine(dir.Path, StoreFileName.Create(Now, 2)), []);
        dir.WriteSession(3, Now);

        Assert.Equal(3, dir.Files.Length);
        var result = dir.Verify(requireClosed: true);
        Assert.True(result.Ok, result.Summary);
        Assert.Equal(6, result.Records);
    }

    [Fact]
    public void Files_rotate_at_midnight_utc_and_by_size()
    {
        using var dir = new StoreTestDirectory();
        var writer = new StoreWriter(dir.Path, StoreTestDirectory.Key, StoreDurability.OperatingSystem, 64 * 1024);
        var late = new DateTimeOffset(2026, 3, 1, 23, 59, 59, TimeSpan.Zero);
        writer.Open(late);
        writer.Append(StoreTestDirectory.EventJson(1), late);
        writer.Append(StoreTestDirectory.EventJson(2), late.AddSeconds(2));
        for (var i = 0; i < 1000; i++)
        {
            writer.Append(StoreTestDirectory.EventJson(i), late.AddSeconds(3));
        }

        writer.Close(late.AddSeconds(3));
        writer.Dispose();

        var names = dir.Files.Select(Path.GetFileName).ToArray();
        Assert.StartsWith("securelog-20260301-000001", names[0], StringComparison.Ordinal);
        Assert.StartsWith("securelog-20260302-000002", names[1], StringComparison.Ordinal);
        Assert.True(names.Length >= 3);
        Assert.All(dir.Files, f => Assert.True(new FileInfo(f).Length <= 64 * 1024));
        Assert.Contains("\"reason\":\"day\"", StoreTestDirectory.ReadLines(dir.Files[1])[0], StringComparison.Ordinal);
        Assert.Contains("\"reason\":\"size\"", StoreTestDirectory.ReadLines(dir.Files[2])[0], StringComparison.Ordinal);
        var result = dir.Verify(requireClosed: true);
        Assert.True(result.Ok, result.Summary);
        Assert.Equal(1002, result.Records);
    }
}
