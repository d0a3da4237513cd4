namespace SecureLogging;

/// <summary>
/// Event names of the store's own records. They share the chain and the files with security events but are not
/// vocabulary events: <c>securelog stats</c> and the record count of <c>verify</c> leave them out.
/// </summary>
internal static class StoreRecordKinds
{
    /// <summary>Prefix of every store record's <c>event</c>.</summary>
    public const string Prefix = "store.";

    /// <summary>First line of every file: names the record (and file) the chain continues from.</summary>
    public const string Opened = "store.opened";

    /// <summary>Periodic signed checkpoint: its seq and chain value are what to keep off-host.</summary>
    public const string Checkpoint = "store.checkpoint";

    /// <summary>Last line of a file closed by rotation or shutdown.</summary>
    public const string Closed = "store.closed";

    /// <summary>Events lost before reaching the file (queue full, write failed), with counts.</summary>
    public const string Dropped = "store.dropped";

    /// <summary>Written before the retention sweep deletes files: names them, so their absence is accounted for.</summary>
    public const string Retention = "store.retention";

    /// <summary><c>store.opened</c> reasons.</summary>
    public static class OpenReasons
    {
        /// <summary>The first file of a new store.</summary>
        public const string Start = "start";

        /// <summary>A new process start after a clean shutdown.</summary>
        public const string Restart = "restart";

        /// <summary>The previous file did not end with <c>store.closed</c>: a crash or a write failure. Torn bytes, if any, are named.</summary>
        public const string Recovered = "recovered";

        /// <summary>The previous file reached <see cref="SecureLoggingStoreOptions.MaxFileSize"/>.</summary>
        public const string Size = "size";

        /// <summary>A new UTC day began.</summary>
        public const string Day = "day";
    }
}

/// <summary><c>store.closed</c> reasons besides the rotation reasons of <see cref="StoreRecordKinds.OpenReasons"/>.</summary>
internal static class StoreClosedReasons
{
    /// <summary>The writer was disposed: no file follows until the next start.</summary>
    public const string Shutdown = "shutdown";
}
