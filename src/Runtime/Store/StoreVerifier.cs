using System.Globalization;
using System.Security.Cryptography;

namespace SecureLogging;

/// <summary>
/// Verifies a store directory, or a single file of it, against the chain key: every line's MAC over the exact bytes
/// on disk and its place in the sequence; every file's <c>store.opened</c> link to the end of the previous file
/// (so truncated, removed, renamed and reordered files show); that files missing from the start were deleted by
/// retention; and, given an off-host checkpoint, that the store still reaches it. Stops at the first broken record.
/// </summary>
internal sealed class StoreVerifier
{
    private readonly IncrementalHash _hmac;
    private readonly long? _checkpointSeq;
    private readonly byte[]? _checkpointChain;
    private readonly StoreVerification _result = new();
    private readonly HashSet<string> _deletedByRetention = new(StringComparer.Ordinal);
    private readonly byte[] _chain = new byte[StoreLineFormat.ChainLength];
    private readonly byte[] _lineChain = new byte[StoreLineFormat.ChainLength];
    private bool _started;
    private long _expectedSeq;
    private LastRecord? _last;
    private (string File, long Bytes, int Line)? _torn;
    private StoreRecord? _firstHeader;
    private string? _firstFile;
    private bool _checkpointFound;

    private StoreVerifier(byte[] key, long? checkpointSeq, byte[]? checkpointChain)
    {
        _hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        _checkpointSeq = checkpointSeq;
        _checkpointChain = checkpointChain;
    }

    /// <summary>Verifies <paramref name="path"/>, a store directory or one store file.</summary>
    /// <param name="path">Directory or file.</param>
    /// <param name="key">The chain key.</param>
    /// <param name="checkpoint">An off-host checkpoint (<c>SEQ:CHAIN</c>) the store must still contain, or null.</param>
    /// <param name="requireClosed">Fail when the store does not end with <c>store.closed</c> (for archived stores).</param>
    public static StoreVerification Verify(string path, byte[] key, StoreCheckpoint? checkpoint = null, bool requireClosed = false)
    {
        byte[]? checkpointChain = null;
        if (checkpoint is not null)
        {
            checkpointChain = new byte[StoreLineFormat.ChainLength];
            if (!StoreLineFormat.TryParseHex(checkpoint.Chain, checkpointChain))
            {
                throw new ArgumentException("The checkpoint chain value must be 64 hex digits.", nameof(checkpoint));
            }
        }

        var verifier = new StoreVerifier(key, checkpoint?.Seq, checkpointChain);
        try
        {
            return verifier.Run(path, requireClosed);
        }
        finally
        {
            verifier._hmac.Dispose();
        }
    }

    private StoreVerification Run(string path, bool requireClosed)
    {
        var directoryMode = Directory.Exists(path);
        List<string> files;
        if (directoryMode)
        {
            files = StoreFileName.List(path).ConvertAll(f => f.Path);
            var ignored = Directory.EnumerateFiles(path).Count(f => !StoreFileName.TryParse(Path.GetFileName(f), out _));
            if (ignored > 0)
            {
                _result.Notes.Add(string.Create(CultureInfo.InvariantCulture, $"{ignored} file(s) that are not store files were ignored"));
            }
        }
        else
        {
            files = [path];
        }

        foreach (var file in files)
        {
            _result.Files++;
            VerifyFile(file);
            if (!_result.Ok)
            {
                return _result;
            }
        }

        Finish(path, directoryMode, requireClosed);
        return _result;
    }

    private void VerifyFile(string path)
    {
        var name = Path.GetFileName(path);
        using var reader = StoreLineReader.Open(path);
        var closedAt = 0;
        while (reader.Next())
        {
            if (!reader.Terminated)
            {
                if (_torn is { } earlier)
                {
                    _result.Fail(earlier.File, earlier.Line, string.Create(CultureInfo.InvariantCulture, $"the file ends with {earlier.Bytes} bytes of an incomplete record that no later store.opened accounts for: it was truncated or edited"));
                    return;
                }

                _torn = (name, reader.Line.Length, reader.LineNumber);
                return;
            }

            if (closedAt > 0)
            {
                _result.Fail(name, reader.LineNumber, string.Create(CultureInfo.InvariantCulture, $"a record follows the store.closed record of line {closedAt}: it was added after the file was closed"));
                return;
            }

            if (reader.LineNumber == 1 && !CheckHeader(name, reader.Line))
            {
                return;
            }

            if (!CheckLine(name, reader.LineNumber, reader.Line, out var kind))
            {
                return;
            }

            if (kind == StoreRecordKinds.Closed)
            {
                closedAt = reader.LineNumber;
            }
        }

        if (reader.LineNumber == 0)
        {
            _result.Notes.Add($"{name} is empty (a writer stopped before its first line reached the disk)");
        }
    }

    private bool CheckHeader(string name, ReadOnlySpan<byte> line)
    {
        var header = StoreRecordJson.ReadEvent(line) == StoreRecordKinds.Opened ? StoreRecordJson.ReadStoreRecord(line) : null;
        if (header is null)
        {
            _result.Fail(name, 1, "the file does not start with its store.opened record: lines were removed from its start, or the line was edited");
            return false;
        }

        if (!string.Equals(header.File, name, StringComparison.Ordinal))
        {
            _result.Fail(name, 1, $"store.opened names the file {header.File}: the file was renamed or copied from another place in the store");
            return false;
        }

        if (!_started)
        {
            if (header.PrevSeq is not { } prevSeq || prevSeq < 0 || !StoreLineFormat.TryParseHex(header.PrevChain, _chain))
            {
                _result.Fail(name, 1, "store.opened has no valid prev_seq / prev_chain");
                return false;
            }

            _started = true;
            _expectedSeq = prevSeq + 1;
            _result.FirstSeq = _expectedSeq;
            _firstHeader = header;
            _firstFile = name;
            return CheckTornAcknowledged(name, header);
        }

        return CheckTornAcknowledged(name, header) && CheckLink(name, header);
    }

    private bool CheckTornAcknowledged(string name, StoreRecord header)
    {
        var claimed = header.TornBytes ?? 0;
        if (_torn is { } torn)
        {
            _torn = null;
            if (!string.Equals(header.TornFile, torn.File, StringComparison.Ordinal) || claimed != torn.Bytes)
            {
                _result.Fail(torn.File, torn.Line, string.Create(CultureInfo.InvariantCulture, $"the file ends with {torn.Bytes} bytes of an incomplete record that the next file's store.opened does not account for: it was truncated or edited"));
                return false;
            }
        }
        else if (claimed > 0 && _started && _firstHeader != header)
        {
            _result.Fail(name, 1, string.Create(CultureInfo.InvariantCulture, $"store.opened says {header.TornFile} ended with {claimed} torn bytes, but it ends with a complete record: that file was edited"));
            return false;
        }

        return true;
    }

    private bool CheckLink(string name, StoreRecord header)
    {
        var last = _last!;
        var prevSeq = header.PrevSeq ?? -1;
        if (prevSeq != last.Seq)
        {
            if (prevSeq > last.Seq && !string.Equals(header.PrevFile, last.File, StringComparison.Ordinal))
            {
                _result.Fail(name, 1, string.Create(CultureInfo.InvariantCulture, $"the chain continues from seq {prevSeq} of {header.PrevFile}, which is missing: a file was removed (the records after seq {last.Seq} are gone)"));
            }
            else if (prevSeq > last.Seq)
            {
                _result.Fail(last.File, last.Line + 1, string.Create(CultureInfo.InvariantCulture, $"the file ends at seq {last.Seq} but {name} continues from seq {prevSeq}: {prevSeq - last.Seq} record(s) were removed from its end (truncated)"));
            }
            else
            {
                _result.Fail(name, 1, string.Create(CultureInfo.InvariantCulture, $"store.opened continues from seq {prevSeq} of {header.PrevFile}, but the record before it is seq {last.Seq} of {last.File}: files were reordered or replaced"));
            }

            return false;
        }

        if (!string.Equals(header.PrevFile, last.File, StringComparison.Ordinal))
        {
            _result.Fail(name, 1, $"store.opened continues from {header.PrevFile}, but the record before it is in {last.File}: a file was renamed");
            return false;
        }

        if (last.Kind != StoreRecordKinds.Closed && header.Reason != StoreRecordKinds.OpenReasons.Recovered)
        {
            _result.Fail(last.File, last.Line + 1, $"the file does not end with store.closed although {name} was opened after a {header.Reason}: records were removed from its end (truncated)");
            return false;
        }

        return true;
    }

    private bool CheckLine(string name, int lineNumber, ReadOnlySpan<byte> line, out string? kind)
    {
        kind = null;
        var check = StoreLineFormat.Check(line, _chain, _hmac, _lineChain, out var seq);
        switch (check)
        {
            case LineCheck.Malformed:
                _result.Fail(name, lineNumber, "not a chained store record (seq first and chain last are missing or malformed): the line was inserted or edited");
                return false;
            case LineCheck.MacMismatch:
                _result.Fail(name, lineNumber, DescribeMismatch(seq));
                return false;
        }

        if (seq != _expectedSeq)
        {
            _result.Fail(name, lineNumber, string.Create(CultureInfo.InvariantCulture, $"seq {seq} where {_expectedSeq} was expected, with a valid chain value: written by someone holding the chain key"));
            return false;
        }

        kind = StoreRecordJson.ReadEvent(line);
        string? reason = null;
        if (kind is not null && kind.StartsWith(StoreRecordKinds.Prefix, StringComparison.Ordinal))
        {
            _result.StoreRecords++;
            if (kind == StoreRecordKinds.Closed)
            {
                reason = StoreRecordJson.ReadStoreRecord(line)?.Reason;
            }

            if (kind == StoreRecordKinds.Opened && lineNumber != 1)
            {
                _result.Fail(name, lineNumber, "a store.opened record in the middle of a file: lines were moved from the start of another file");
                return false;
            }

            if (kind == StoreRecordKinds.Retention && StoreRecordJson.ReadStoreRecord(line) is { } retention)
            {
                _deletedByRetention.UnionWith(retention.DeletedFiles);
            }
        }
        else
        {
            _result.Records++;
        }

        if (_checkpointSeq == seq && !_lineChain.AsSpan().SequenceEqual(_checkpointChain))
        {
            _result.Fail(name, lineNumber, string.Create(CultureInfo.InvariantCulture, $"the record with seq {seq} does not have the chain value of the checkpoint: the store was rewritten up to here with the chain key"));
            return false;
        }

        _checkpointFound |= _checkpointSeq == seq;
        _lineChain.CopyTo(_chain, 0);
        _expectedSeq = seq + 1;
        _result.LastSeq = seq;
        _last = new LastRecord(name, lineNumber, seq, kind, reason);
        return true;
    }

    private string DescribeMismatch(long seq)
    {
        if (seq == _expectedSeq)
        {
            return string.Create(CultureInfo.InvariantCulture, $"chain value does not match (seq {seq}): the record was edited, or a forged record was inserted");
        }

        return seq > _expectedSeq
            ? string.Create(CultureInfo.InvariantCulture, $"seq {seq} where {_expectedSeq} was expected: record(s) before this line were removed, or records were reordered")
            : string.Create(CultureInfo.InvariantCulture, $"seq {seq} where {_expectedSeq} was expected: the line was inserted (a copy of an earlier record) or records were reordered");
    }

    private void Finish(string path, bool directoryMode, bool requireClosed)
    {
        if (!_started)
        {
            _result.Fail(Path.GetFileName(path), 0, "no store records found");
            return;
        }

        if (directoryMode && _firstHeader!.PrevFile is { } before && !_deletedByRetention.Contains(before))
        {
            _result.Fail(_firstFile!, 1, string.Create(CultureInfo.InvariantCulture, $"the store starts after seq {_firstHeader.PrevSeq} of {before}, which no store.retention record says was deleted: files were removed from the start"));
            return;
        }

        if (!directoryMode && _firstHeader!.PrevFile is not null)
        {
            _result.Notes.Add(string.Create(CultureInfo.InvariantCulture, $"one file verified: it continues from seq {_firstHeader.PrevSeq} of {_firstHeader.PrevFile}; verify the directory to check the links between files"));
        }

        var last = _last!;
        if (last.Kind == StoreRecordKinds.Closed && _torn is null && last.Reason != StoreClosedReasons.Shutdown)
        {
            _result.Fail(last.File, last.Line + 1, $"the file was closed for a {last.Reason} rotation but no file follows it: the newer file(s) were removed");
            return;
        }

        _result.Closed = last.Kind == StoreRecordKinds.Closed && _torn is null;
        if (_torn is { } torn)
        {
            _result.TornTail = true;
            _result.Notes.Add(string.Create(CultureInfo.InvariantCulture, $"torn tail: {torn.File}:{torn.Line} holds {torn.Bytes} bytes of an incomplete record (a write interrupted by a crash or a full disk); the next start of the writer records it and continues the chain"));
        }

        if (_checkpointSeq is { } checkpointSeq && !_checkpointFound)
        {
            _result.Fail(last.File, last.Line + 1, checkpointSeq < _result.FirstSeq
                ? string.Create(CultureInfo.InvariantCulture, $"the checkpoint seq {checkpointSeq} is before the first record verified (seq {_result.FirstSeq})")
                : string.Create(CultureInfo.InvariantCulture, $"the store ends at seq {last.Seq} but the checkpoint names seq {checkpointSeq}: records were removed from its end (truncated)"));
            return;
        }

        if (!_result.Closed)
        {
            var why = string.Create(CultureInfo.InvariantCulture, $"the store does not end with store.closed (last record seq {last.Seq} at {last.File}:{last.Line}): its writer is running or stopped without closing; records after the last checkpoint kept off-host cannot be proven complete");
            if (requireClosed)
            {
                _result.Fail(last.File, last.Line + 1, why);
                return;
            }

            _result.Notes.Add(why);
        }
    }

    private sealed record LastRecord(string File, int Line, long Seq, string? Kind, string? Reason);
}
