using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;

namespace SecureLogging;

/// <summary>
/// Appends chained lines to the files of one store directory. Single-threaded: only the store's writer thread uses
/// it. Lines are framed into a pending buffer and reach the file at <see cref="Commit"/> (once per batch, or per
/// record with <see cref="StoreDurability.FlushToDiskPerRecord"/>). After any I/O exception the caller calls
/// <see cref="Abandon"/> and later <see cref="Open"/> again, which re-reads where the chain ends from the disk:
/// the in-memory state is never trusted over what the files hold.
/// </summary>
internal sealed class StoreWriter : IDisposable
{
    private const int ControlRecordReserve = 512;

    private readonly string _directory;
    private readonly IncrementalHash _hmac;
    private readonly StoreDurability _durability;
    private readonly long _maxFileSize;
    private readonly ArrayBufferWriter<byte> _pending = new(64 * 1024);
    private readonly ArrayBufferWriter<byte> _controlJson = new(1024);
    private readonly Utf8JsonWriter _controlWriter;
    private readonly byte[] _chain = new byte[StoreLineFormat.ChainLength];
    private FileStream? _file;
    private DateTime _fileDay;
    private long _fileLength;
    private int _linesInFile;
    private int _pendingRecords;

    public StoreWriter(string directory, byte[] key, StoreDurability durability, long maxFileSize)
    {
        _directory = directory;
        _hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        _durability = durability;
        _maxFileSize = maxFileSize;
        _controlWriter = new Utf8JsonWriter(_controlJson);
    }

    /// <summary>True between a successful <see cref="Open"/> and <see cref="Close"/> / <see cref="Abandon"/>.</summary>
    public bool IsOpen => _file is not null;

    /// <summary>Name of the file being written.</summary>
    public string? FileName { get; private set; }

    /// <summary>Index of the file being written.</summary>
    public long FileIndex { get; private set; }

    /// <summary>Sequence number of the last line framed.</summary>
    public long LastSeq { get; private set; }

    /// <summary>Security events that reached the file through a successful <see cref="Commit"/>, ever.</summary>
    public long CommittedRecords { get; private set; }

    /// <summary>Security events framed since the last <see cref="Commit"/>: lost if it fails.</summary>
    public int PendingRecords => _pendingRecords;

    /// <summary>Security events framed since the last checkpoint.</summary>
    public long RecordsSinceCheckpoint { get; private set; }

    /// <summary>How the existing store looked at the last <see cref="Open"/>.</summary>
    public StoreRecovery? Recovery { get; private set; }

    /// <summary>
    /// Reads where the chain ends and starts a new file continuing it, with a <c>store.opened</c> header that names
    /// the previous record and any torn bytes. Creates the directory if needed.
    /// </summary>
    public void Open(DateTimeOffset now)
    {
        Directory.CreateDirectory(_directory);
        var recovery = StoreRecovery.Scan(_directory);
        Recovery = recovery;
        var reason = recovery.PrevFile is null && recovery.TornFile is null
            ? StoreRecordKinds.OpenReasons.Start
            : recovery.Closed ? StoreRecordKinds.OpenReasons.Restart : StoreRecordKinds.OpenReasons.Recovered;
        StartFile(now, recovery.LastIndex + 1, reason, recovery.PrevFile, recovery.PrevSeq, recovery.PrevChain, recovery.TornFile, recovery.TornBytes);
    }

    /// <summary>Frames one security event (a compact JSON object) into the pending buffer, rotating first if due.</summary>
    public void Append(ReadOnlySpan<byte> objectJson, DateTimeOffset now)
    {
        EnsureOpen();
        if (now.UtcDateTime.Date != _fileDay)
        {
            Rotate(now, StoreRecordKinds.OpenReasons.Day);
        }
        else if (_linesInFile > 1 && _fileLength + _pending.WrittenCount + objectJson.Length + ControlRecordReserve > _maxFileSize)
        {
            Rotate(now, StoreRecordKinds.OpenReasons.Size);
        }

        LastSeq++;
        StoreLineFormat.Append(_pending, LastSeq, objectJson, _chain, _hmac);
        _linesInFile++;
        _pendingRecords++;
        RecordsSinceCheckpoint++;
        if (_durability == StoreDurability.FlushToDiskPerRecord)
        {
            Commit();
        }
    }

    /// <summary>Writes a <c>store.checkpoint</c> record and makes it durable.</summary>
    public StoreCheckpoint Checkpoint(DateTimeOffset now)
    {
        EnsureOpen();
        AppendControl(now, StoreRecordKinds.Checkpoint, "info", static (_, _) => { }, 0);
        Commit(sync: true);
        RecordsSinceCheckpoint = 0;
        return new StoreCheckpoint(LastSeq, StoreLineFormat.ToHex(_chain), FileName!, now);
    }

    /// <summary>Writes a <c>store.dropped</c> record counting events that never reached the store.</summary>
    public void Dropped(DateTimeOffset now, long queueFull, long writeFailed, long notAccepted)
    {
        EnsureOpen();
        AppendControl(now, StoreRecordKinds.Dropped, "warning", static (w, counts) =>
        {
            w.WriteNumber("count", counts.QueueFull + counts.WriteFailed + counts.NotAccepted);
            w.WriteNumber("queue_full", counts.QueueFull);
            w.WriteNumber("write_failed", counts.WriteFailed);
            w.WriteNumber("unserializable", counts.NotAccepted);
        }, (QueueFull: queueFull, WriteFailed: writeFailed, NotAccepted: notAccepted));
    }

    /// <summary>Writes the <c>store.retention</c> record that must precede deleting <paramref name="files"/>, durably.</summary>
    public void Retention(DateTimeOffset now, IReadOnlyList<string> files, long lastSeq, TimeSpan retention)
    {
        EnsureOpen();
        AppendControl(now, StoreRecordKinds.Retention, "info", static (w, state) =>
        {
            w.WriteStartArray("deleted_files");
            foreach (var file in state.Files)
            {
                w.WriteStringValue(file);
            }

            w.WriteEndArray();
            w.WriteNumber("last_seq", state.LastSeq);
            w.WriteNumber("retention_days", state.Days);
        }, (Files: files, LastSeq: lastSeq, Days: (long)retention.TotalDays));
        Commit(sync: true);
    }

    /// <summary>Writes what is pending to the file, and fsyncs it when the durability setting (or <paramref name="sync"/>) asks.</summary>
    public void Commit(bool sync = false)
    {
        EnsureOpen();
        if (_pending.WrittenCount > 0)
        {
            _file!.Write(_pending.WrittenSpan);
            _fileLength += _pending.WrittenCount;
            _pending.ResetWrittenCount();
            CommittedRecords += _pendingRecords;
            _pendingRecords = 0;
        }

        if (sync || _durability != StoreDurability.OperatingSystem)
        {
            _file!.Flush(flushToDisk: true);
        }
    }

    /// <summary>Ends the file with <c>store.closed</c> (reason <c>shutdown</c>) and closes it.</summary>
    /// <returns>The closing record's place in the chain, or null when no file was open.</returns>
    public StoreCheckpoint? Close(DateTimeOffset now)
    {
        if (_file is null)
        {
            return null;
        }

        var name = FileName!;
        CloseFile(now, StoreClosedReasons.Shutdown);
        return new StoreCheckpoint(LastSeq, StoreLineFormat.ToHex(_chain), name, now);
    }

    /// <summary>Forgets the open file after an I/O failure without writing to it again.</summary>
    public void Abandon()
    {
        var file = _file;
        _file = null;
        _pending.ResetWrittenCount();
        _pendingRecords = 0;
        try
        {
            file?.Dispose();
        }
        catch (IOException)
        {
            // Disposing flushes nothing (the stream is unbuffered); a failure here only repeats the error being handled.
        }
    }

    public void Dispose()
    {
        Abandon();
        _controlWriter.Dispose();
        _hmac.Dispose();
    }

    private void Rotate(DateTimeOffset now, string reason)
    {
        var previousFile = FileName;
        CloseFile(now, reason);
        StartFile(now, FileIndex + 1, reason, previousFile, LastSeq, _chain, null, 0);
    }

    private void CloseFile(DateTimeOffset now, string reason)
    {
        AppendControl(now, StoreRecordKinds.Closed, "info", static (w, reason) => w.WriteString("reason", reason), reason);
        Commit(sync: true);
        var file = _file!;
        _file = null;
        file.Dispose();
    }

    private void StartFile(DateTimeOffset now, long index, string reason, string? prevFile, long prevSeq, ReadOnlySpan<byte> prevChain, string? tornFile, long tornBytes)
    {
        FileStream file;
        string name;
        while (true)
        {
            name = StoreFileName.Create(now, index);
            try
            {
                // CreateNew: an existing file is never reopened, truncated or appended to.
                file = new FileStream(Path.Combine(_directory, name), FileMode.CreateNew, FileAccess.Write, FileShare.Read | FileShare.Delete, 0);
                break;
            }
            catch (IOException) when (File.Exists(Path.Combine(_directory, name)))
            {
                index++;
            }
        }

        _file = file;
        FileName = name;
        FileIndex = index;
        _fileDay = now.UtcDateTime.Date;
        _fileLength = 0;
        _linesInFile = 0;
        LastSeq = prevSeq;
        prevChain.CopyTo(_chain);

        AppendControl(now, StoreRecordKinds.Opened, "info", static (w, s) =>
        {
            w.WriteString("reason", s.Reason);
            w.WriteString("prev_file", s.PrevFile);
            w.WriteNumber("prev_seq", s.PrevSeq);
            w.WriteString("prev_chain", s.PrevChain);
            w.WriteString("torn_file", s.TornFile);
            w.WriteNumber("torn_bytes", s.TornBytes);
        }, (Reason: reason, PrevFile: prevFile, PrevSeq: prevSeq, PrevChain: StoreLineFormat.ToHex(prevChain), TornFile: tornFile, TornBytes: tornBytes));
        try
        {
            Commit(sync: true);
        }
        catch (IOException)
        {
            // A full disk: do not leave an empty file behind for every retry. A partly written header stays (it is
            // a torn write the next start accounts for); an empty file holds nothing to rewrite.
            Abandon();
            try
            {
                var path = Path.Combine(_directory, name);
                if (File.Exists(path) && new FileInfo(path).Length == 0)
                {
                    File.Delete(path);
                }
            }
            catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException)
            {
                // Best effort: the next start skips empty files anyway.
            }

            throw;
        }
    }

    private void AppendControl<TState>(DateTimeOffset now, string kind, string level, Action<Utf8JsonWriter, TState> writeFields, TState state)
    {
        _controlJson.ResetWrittenCount();
        _controlWriter.Reset(_controlJson);
        StoreRecordJson.WriteStart(_controlWriter, now, level, kind, FileName!);
        writeFields(_controlWriter, state);
        _controlWriter.WriteEndObject();
        _controlWriter.Flush();
        LastSeq++;
        StoreLineFormat.Append(_pending, LastSeq, _controlJson.WrittenSpan, _chain, _hmac);
        _linesInFile++;
    }

    private void EnsureOpen()
    {
        if (_file is null)
        {
            throw new InvalidOperationException("The store file is not open.");
        }
    }
}
