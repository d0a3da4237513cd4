namespace SecureLogging;

/// <summary>
/// How far a record of the tamper-evident store must have travelled before the writer takes the next one from its
/// queue. Records are always written off the logging thread; a record still in the queue when the process dies is
/// lost whatever the setting (size the queue with <see cref="SecureLoggingStoreOptions.QueueCapacity"/>).
/// </summary>
public enum StoreDurability
{
    /// <summary>
    /// Each batch of queued records is handed to the operating system (one <c>write</c>) and then fsynced: a record
    /// survives a process crash, and a power loss once its batch has been synced. Batches grow under load, so the
    /// cost of fsync is shared by many records. The default.
    /// </summary>
    FlushToDiskPerBatch = 0,

    /// <summary>
    /// Each record is written and fsynced on its own: survives a power loss up to the last record written, at the
    /// cost of one fsync per record.
    /// </summary>
    FlushToDiskPerRecord = 1,

    /// <summary>
    /// Each batch is handed to the operating system without fsync: a record survives a crash of the process but not
    /// of the machine (it sits in the OS page cache until the kernel writes it out). The fastest setting, and the
    /// policy of most file log sinks (Serilog's file sink with <c>buffered: false</c>).
    /// </summary>
    OperatingSystem = 2,
}
