namespace SecureLogging.Tests.Store;

/// <summary>Each kind of tampering is detected, at the right file and line; an interrupted write is not tampering.</summary>
public sealed class StoreTamperingTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Untouched_store_verifies_with_every_record_counted()
    {
        using var dir = new StoreTestDirectory();
        dir.WriteSession(50, Now);
        dir.WriteSession(30, Now.AddMinutes(1));

        var result = dir.Verify(requireClosed: true);

        Assert.True(result.Ok, result.Summary);
        Assert.Equal("ok, 80 records", result.Summary);
        Assert.True(result.Closed);
        Assert.Equal(2, result.Files);
        Assert.Equal(1, result.FirstSeq);
    }

    /// <summary>Edits to the lines of one file, each with the 1-based line verify must name and a word of its reason.</summary>
    public static TheoryData<string, Action<List<string>>, int, string> LineEdits => new()
    {
        { "a field of a record edited", lines => lines[5] = lines[5].Replace("\"user_name\":\"user4\"", "\"user_name\":\"admin\"", StringComparison.Ordinal), 6, "edited" },
        { "a copy of a record inserted", lines => lines.Insert(8, lines[3]), 9, "inserted" },
        { "a record deleted", lines => lines.RemoveAt(10), 11, "removed" },
        { "two records swapped", lines => (lines[12], lines[13]) = (lines[13], lines[12]), 13, "reordered" },
    };

    [Theory]
    [MemberData(nameof(LineEdits))]
    public void Tampered_record_is_reported_at_its_line_with_the_kind_of_tampering(string tampering, Action<List<string>> edit, int line, string reason)
    {
        using var dir = new StoreTestDirectory();
        dir.WriteSession(20, Now);
        var file = dir.Files[0];
        var lines = StoreTestDirectory.ReadLines(file);
        edit(lines);
        StoreTestDirectory.WriteLines(file, lines);

        var result = dir.Verify();

        Assert.False(result.Ok, tampering);
        Assert.Equal(Path.GetFileName(file), result.File);
        Assert.Equal(line, result.Line);
        Assert.Contains(reason, result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Forged_record_without_the_key_is_reported()
    {
        using var dir = new StoreTestDirectory();
        dir.WriteSession(20, Now);
        var file = dir.Files[0];
        var lines = StoreTestDirectory.ReadLines(file);
        lines.Insert(8, "{\"seq\":8,\"event\":\"authentication.success\",\"chain\":\"" + new string('a', 64) + "\"}");
        StoreTestDirectory.WriteLines(file, lines);

        var result = dir.Verify();

        Assert.Equal(9, result.Line);
        Assert.False(result.Ok);
    }

    [Fact]
    public void Truncated_rotated_file_is_reported_at_its_end()
    {
        using var dir = new StoreTestDirectory();
        dir.WriteSession(20, Now);
        dir.WriteSession(5, Now.AddMinutes(1));
        var first = dir.Files[0];
        var lines = StoreTestDirectory.ReadLines(first);
        var kept = lines.Take(15).Append(string.Empty).ToList();
        StoreTestDirectory.WriteLines(first, kept);

        var result = dir.Verify();

        Assert.Equal(Path.GetFileName(first), result.File);
        Assert.Equal(16, result.Line);
        Assert.Contains("truncated", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_mid_record_in_a_file_that_is_not_the_last_is_tampering()
    {
        using var dir = new StoreTestDirectory();
        dir.WriteSession(20, Now);
        dir.WriteSession(5, Now.AddMinutes(1));
        var first = dir.Files[0];
        var bytes = File.ReadAllBytes(first);
        File.WriteAllBytes(first, bytes[..^40]);

        var result = dir.Verify();

        Assert.False(result.Ok);
        Assert.Equal(Path.GetFileName(first), result.File);
        Assert.Equal(22, result.Line);
        Assert.Contains("incomplete record", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Removed_file_in_the_middle_is_reported_at_the_next_file()
    {
        using var dir = new StoreTestDirectory();
        dir.WriteSession(10, Now);
        dir.WriteSession(10, Now.AddMinutes(1));
        dir.WriteSession(10, Now.AddMinutes(2));
        var files = dir.Files;
        File.Delete(files[1]);

        var result = dir.Verify();

        Assert.Equal(Path.GetFileName(files[2]), result.File);
        Assert.Equal(1, result.Line);
        Assert.Contains("missing", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Removed_newest_file_after_a_rotation_is_reported()
    {
        using var dir = new StoreTestDirectory();
        var writer = new StoreWriter(dir.Path, StoreTestDirectory.Key, StoreDurability.OperatingSystem, 64 * 1024);
        writer.Open(Now);
        for (var i = 0; i < 2000; i++)
        {
            writer.Append(StoreTestDirectory.EventJson(i), Now);
        }

        writer.Close(Now);
        writer.Dispose();
        var files = dir.Files;
        Assert.True(files.Length >= 3, "the size limit rotates the files");
        Assert.True(dir.Verify(requireClosed: true).Ok);
        File.Delete(files[^1]);

        var result = dir.Verify();

        Assert.Equal(Path.GetFileName(files[^2]), result.File);
        Assert.Contains("no file follows", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Removed_oldest_file_is_reported_unless_retention_deleted_it()
    {
        using var dir = new StoreTestDirectory();
        dir.WriteSession(10, Now);
        dir.WriteSession(10, Now.AddMinutes(1));
        var files = dir.Files;
        File.Delete(files[0]);

        var result = dir.Verify();

        Assert.Equal(Path.GetFileName(files[1]), result.File);
        Assert.Equal(1, result.Line);
        Assert.Contains("removed from the start", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Renamed_file_is_reported()
    {
        using var dir = new StoreTestDirectory();
        dir.WriteSession(10, Now);
        var file = dir.Files[0];
        File.Move(file, Path.Combine(dir.Path, StoreFileName.Create(Now, 9)));

        var result = dir.Verify();

        Assert.Contains("renamed", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Tail_truncation_of_the_open_store_is_only_detected_against_an_off_host_checkpoint()
    {
        using var dir = new StoreTestDirectory();
        var writer = new StoreWriter(dir.Path, StoreTestDirectory.Key, StoreDurability.OperatingSystem, 64 * 1024 * 1024);
        writer.Open(Now);
        for (var i = 0; i < 10; i++)
        {
            writer.Append(StoreTestDirectory.EventJson(i), Now);
        }

        var checkpoint = writer.Checkpoint(Now);
        for (var i = 0; i < 10; i++)
        {
            writer.Append(StoreTestDirectory.EventJson(i), Now);
        }

        writer.Commit();
        writer.Abandon();
        writer.Dispose();
        var file = dir.Files[0];
        var lines = StoreTestDirectory.ReadLines(file);
        StoreTestDirectory.WriteLines(file, lines.Take(5).Append(string.Empty).ToList());

        var withoutCheckpoint = dir.Verify();
        Assert.True(withoutCheckpoint.Ok, withoutCheckpoint.Summary);
        Assert.Contains(withoutCheckpoint.Notes, n => n.Contains("does not end with store.closed", StringComparison.Ordinal));
        Assert.False(dir.Verify(requireClosed: true).Ok);

        var withCheckpoint = dir.Verify(checkpoint: checkpoint);
        Assert.False(withCheckpoint.Ok);
        Assert.Equal(6, withCheckpoint.Line);
        Assert.Contains("truncated", withCheckpoint.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Torn_last_line_is_reported_but_is_not_tampering()
    {
        using var dir = new StoreTestDirectory();
        dir.WriteSession(10, Now, close: false).Dispose();
        var file = dir.Files[0];
        File.AppendAllText(file, "{\"seq\":12,\"timestamp\":\"2026-");

        var result = dir.Verify();

        Assert.True(result.Ok, result.Summary);
        Assert.True(result.TornTail);
        Assert.Equal("ok, 10 records", result.Summary);
        Assert.Contains(result.Notes, n => n.Contains($"{Path.GetFileName(file)}:12", StringComparison.Ordinal));
    }

    [Fact]
    public void Wrong_key_fails_at_the_first_line()
    {
        using var dir = new StoreTestDirectory();
        dir.WriteSession(3, Now);
        var key = StoreTestDirectory.Key.ToArray();
        key[0] ^= 1;

        var result = StoreVerifier.Verify(dir.Path, key);

        Assert.Equal(1, result.Line);
    }
}
