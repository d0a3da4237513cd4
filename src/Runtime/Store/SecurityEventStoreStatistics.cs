namespace SecureLogging;

/// <summary>A snapshot of a <see cref="SecurityEventStore"/>'s counters. Every lost event is in one of them.</summary>
public sealed class SecurityEventStoreStatistics
{
    /// <summary>Security events accepted into the queue.</summary>
    public long Accepted { get; init; }

    /// <summary>Security events written to a store file (handed to the OS, and fsynced per the durability setting).</summary>
    public long Written { get; init; }

    /// <summary>Events dropped because the queue was full (or the store was already disposed).</summary>
    public long DroppedQueueFull { get; init; }

    /// <summary>Events lost because writing them failed (directory unwritable, disk full).</summary>
    public long FailedWrites { get; init; }

    /// <summary>Events whose record could not be serialised.</summary>
    public long Unserializable { get; init; }

    /// <summary>Every event that did not reach the store: the sum of the three counts above.</summary>
    public long Dropped => DroppedQueueFull + FailedWrites + Unserializable;

    /// <summary>I/O failures seen (each may have cost several events).</summary>
    public long WriteErrors { get; init; }

    /// <summary>The last I/O failure's message, or null when none happened.</summary>
    public string? LastError { get; init; }

    /// <summary>The last checkpoint written, or null.</summary>
    public StoreCheckpoint? LastCheckpoint { get; init; }

    /// <summary>Name of the file being written, or null while the store is not open.</summary>
    public string? ActiveFile { get; init; }
}
