namespace SecureLogging;

/// <summary>
/// What a writer finds when it opens an existing store: where the chain ends and whether the last file was closed
/// or ends with a torn write. The writer never appends to an existing file; it starts a new one whose
/// <c>store.opened</c> record names this state, so a crash leaves the torn bytes exactly as they were.
/// </summary>
internal sealed class StoreRecovery
{
    /// <summary>Highest file index present (0 for an empty store).</summary>
    public long LastIndex { get; private init; }

    /// <summary>File holding the last complete record, or null for a new store.</summary>
    public string? PrevFile { get; private init; }

    /// <summary>Sequence number of the last complete record (0 for a new store).</summary>
    public long PrevSeq { get; private init; }

    /// <summary>Chain value of the last complete record.</summary>
    public byte[] PrevChain { get; private init; } = new byte[StoreLineFormat.ChainLength];

    /// <summary>True when the last complete record is <c>store.closed</c> and nothing follows it.</summary>
    public bool Closed { get; private init; }

    /// <summary>The newest non-empty file when it ends with bytes that are not a complete line.</summary>
    public string? TornFile { get; private init; }

    /// <summary>Number of those bytes.</summary>
    public long TornBytes { get; private init; }

    /// <summary>Scans <paramref name="directory"/> (which exists).</summary>
    public static StoreRecovery Scan(string directory)
    {
        var files = StoreFileName.List(directory);
        var lastIndex = files.Count == 0 ? 0 : files[^1].Index;
        string? tornFile = null;
        long tornBytes = 0;
        var sawNonEmpty = false;
        Span<byte> chain = stackalloc byte[StoreLineFormat.ChainLength];

        for (var i = files.Count - 1; i >= 0; i--)
        {
            var tail = StoreTail.Read(files[i].Path);
            if (tail.Length == 0)
            {
                // A file created by a writer that died before its header reached the disk holds nothing to chain to.
                continue;
            }

            var name = Path.GetFileName(files[i].Path);
            if (!sawNonEmpty)
            {
                sawNonEmpty = true;
                if (tail.TornBytes > 0)
                {
                    tornFile = name;
                    tornBytes = tail.TornBytes;
                }
            }

            if (tail.LastLine is not null && StoreLineFormat.TryParseFrame(tail.LastLine, chain, out var seq, out _))
            {
                return new StoreRecovery
                {
                    LastIndex = lastIndex,
                    PrevFile = name,
                    PrevSeq = seq,
                    PrevChain = chain.ToArray(),
                    Closed = tornFile is null && StoreRecordJson.ReadEvent(tail.LastLine) == StoreRecordKinds.Closed,
                    TornFile = tornFile,
                    TornBytes = tornBytes,
                };
            }
        }

        return new StoreRecovery { LastIndex = lastIndex, TornFile = tornFile, TornBytes = tornBytes };
    }
}
