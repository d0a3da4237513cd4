namespace SecureLogging;

/// <summary>
/// Finds the files the retention sweep may delete: the oldest files, in order, whose newest record is older than
/// the cutoff, stopping at the first that is not and never touching the file being written. Deleting only an
/// unbroken prefix keeps the rest of the chain verifiable.
/// </summary>
internal static class StoreRetention
{
    /// <summary>The expired prefix of the store, and the sequence number of its last record.</summary>
    public static (List<string> Paths, long LastSeq) FindExpired(string directory, long activeIndex, DateTimeOffset cutoff)
    {
        var expired = new List<string>();
        long lastSeq = 0;
        Span<byte> chain = stackalloc byte[StoreLineFormat.ChainLength];
        foreach (var (path, index) in StoreFileName.List(directory))
        {
            if (index >= activeIndex)
            {
                break;
            }

            var tail = StoreTail.Read(path);
            var newest = tail.LastLine is null ? null : StoreRecordJson.ReadTimestamp(tail.LastLine);
            newest ??= new DateTimeOffset(File.GetLastWriteTimeUtc(path), TimeSpan.Zero);
            if (newest >= cutoff)
            {
                break;
            }

            expired.Add(path);
            if (tail.LastLine is not null && StoreLineFormat.TryParseFrame(tail.LastLine, chain, out var seq, out _))
            {
                lastSeq = seq;
            }
        }

        return (expired, lastSeq);
    }
}
