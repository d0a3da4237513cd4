namespace SecureLogging;

/// <summary>
/// Settings of the tamper-evident store (<see cref="SecureLoggingOptions.StoreDirectory"/>); bound from
/// <c>"SecureLogging:Store"</c>. The defaults suit most applications.
/// </summary>
public sealed class SecureLoggingStoreOptions
{
    /// <summary>The smallest accepted <see cref="MaxFileSize"/>: 64 KiB.</summary>
    public const long MinimumFileSize = 64 * 1024;

    /// <summary>How far a record must have travelled before the next one is written. Default: fsync per batch.</summary>
    public StoreDurability Durability { get; set; } = StoreDurability.FlushToDiskPerBatch;

    /// <summary>
    /// A file is closed and a new one started once it would grow past this many bytes (files are also rotated at
    /// each UTC midnight). At least 64 KiB. Default 64 MiB.
    /// </summary>
    public long MaxFileSize { get; set; } = 64L * 1024 * 1024;

    /// <summary>
    /// Events waiting for the writer. When the queue is full new events are dropped, counted, warned about and the
    /// count is written into the chain (a <c>store.dropped</c> record): logging never blocks the request thread.
    /// Between 1 and 10,000,000. Default 10,000.
    /// </summary>
    public int QueueCapacity { get; set; } = 10_000;

    /// <summary>
    /// How often a <c>store.checkpoint</c> record is written while events arrive (also at every rotation and
    /// shutdown). Ship checkpoints off-host (<see cref="OnCheckpoint"/>) so tail truncation becomes detectable.
    /// Between 1 second and 1 day. Default 1 minute.
    /// </summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often expired files are looked for (also once at startup). Between 1 minute and 1 day. Default 1 hour.</summary>
    public TimeSpan RetentionSweepInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Called on the writer thread after each checkpoint is durable, with its sequence number and chain value: send
    /// it somewhere the host cannot rewrite (a SIEM, object storage with a retention lock) and check the store
    /// against it with <c>securelog verify --checkpoint SEQ:CHAIN</c>. Exceptions are caught and counted.
    /// </summary>
    public Action<StoreCheckpoint>? OnCheckpoint { get; set; }
}
