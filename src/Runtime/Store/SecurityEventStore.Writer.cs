using System.Buffers;
using System.Text.Json;

namespace SecureLogging;

/// <summary>The writer thread: the only code that touches the files.</summary>
public sealed partial class SecurityEventStore
{
    private readonly ManualResetEventSlim _wake = new();
    private DateTimeOffset _retryAt;
    private TimeSpan _retryDelay = TimeSpan.FromSeconds(1);
    private bool _outageLogged;
    private long _lostAtOutageStart;
    private DateTimeOffset _nextCheckpoint;
    private DateTimeOffset _nextSweep;
    private (long QueueFull, long Failed, long Unserializable) _noted;

    private void Run()
    {
        var reader = _queue!.Reader;
        var batch = new List<SecurityEventRecord>(MaxBatch);
        var json = new ArrayBufferWriter<byte>(1024);
        using var jsonWriter = new Utf8JsonWriter(json, JsonOptions);
        Task<bool>? waiting = null;
        try
        {
            while (true)
            {
                var now = _time.GetUtcNow();
                if (!_writer!.IsOpen && !TryOpen(now))
                {
                    if (Volatile.Read(ref _disposed) != 0)
                    {
                        // Shutting down with an unwritable store: one more attempt was made in TryOpen; the rest is lost, and counted.
                        CountRemainingAsFailed(reader);
                        break;
                    }

                    var delay = _retryAt - now;
                    _wake.Wait(delay > TimeSpan.Zero ? delay : TimeSpan.FromMilliseconds(10));
                    continue;
                }

                batch.Clear();
                while (batch.Count < MaxBatch && reader.TryRead(out var record))
                {
                    batch.Add(record);
                }

                if (batch.Count > 0)
                {
                    WriteBatch(batch, json, jsonWriter);
                    RunTimers(_time.GetUtcNow());
                    Processed(batch.Count);
                    continue;
                }

                if (reader.Completion.IsCompleted)
                {
                    break;
                }

                waiting ??= reader.WaitToReadAsync().AsTask();
                if (waiting.Wait(NextTimerDelay(now)))
                {
                    waiting = null;
                }
                else
                {
                    RunTimers(_time.GetUtcNow());
                }
            }
        }
        catch (Exception ex)
        {
            // A bug in the loop must not take the host down: the thread ends, later events are counted as dropped.
            OnWriteError(ex, 0);
        }
        finally
        {
            CloseStore();
            ReleaseFlushWaiters();
            _stopped.TrySetResult();
        }
    }

    private bool TryOpen(DateTimeOffset now)
    {
        if (now < _retryAt && Volatile.Read(ref _disposed) == 0)
        {
            return false;
        }

        try
        {
            _writer!.Open(now);
            if (_writer.Recovery is { TornBytes: > 0 } recovery)
            {
                LogTornTail(_logger, recovery.TornFile, recovery.TornBytes);
            }

            var totals = NoteDrops(now);
            _writer.Commit(sync: true);
            _noted = totals;
            if (_outageLogged)
            {
                _outageLogged = false;
                LogRecovered(_logger, Directory, _writer.FileName, LostTotal() - _lostAtOutageStart);
            }

            _retryDelay = TimeSpan.FromSeconds(1);
            _nextCheckpoint = now + _options.Store.CheckpointInterval;
            if (_nextSweep == default)
            {
                RunSweep(now);
            }

            return true;
        }
        catch (Exception ex)
        {
            OnWriteError(ex, 0);
            return false;
        }
    }

    private void WriteBatch(List<SecurityEventRecord> batch, ArrayBufferWriter<byte> json, Utf8JsonWriter jsonWriter)
    {
        var now = _time.GetUtcNow();
        var committedBefore = _writer!.CommittedRecords;
        var unserializable = 0;
        try
        {
            var totals = NoteDrops(now);
            foreach (var record in batch)
            {
                json.ResetWrittenCount();
                jsonWriter.Reset(json);
                try
                {
                    record.WriteTo(jsonWriter);
                    jsonWriter.Flush();
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    // A record whose field value throws when rendered: count it rather than lose the batch.
                    unserializable++;
                    Interlocked.Increment(ref _unserializable);
                    StoreMetrics.Dropped(1, "unserializable");
                    continue;
                }

                _writer.Append(json.WrittenSpan, now);
            }

            _writer.Commit();
            _noted = totals;
        }
        catch (Exception ex)
        {
            var lost = batch.Count - unserializable - (_writer.CommittedRecords - committedBefore);
            Written(_writer.CommittedRecords - committedBefore);
            OnWriteError(ex, lost);
            return;
        }

        Written(_writer.CommittedRecords - committedBefore);
    }

    private void Written(long count)
    {
        if (count > 0)
        {
            Interlocked.Add(ref _written, count);
            StoreMetrics.Written(count);
        }
    }

    private (long QueueFull, long Failed, long Unserializable) NoteDrops(DateTimeOffset now)
    {
        var totals = (Interlocked.Read(ref _droppedQueueFull), Interlocked.Read(ref _failedWrites), Interlocked.Read(ref _unserializable));
        if (totals != _noted)
        {
            _writer!.Dropped(now, totals.Item1 - _noted.QueueFull, totals.Item2 - _noted.Failed, totals.Item3 - _noted.Unserializable);
        }

        return totals;
    }

    private void RunTimers(DateTimeOffset now)
    {
        if (!_writer!.IsOpen)
        {
            return;
        }

        try
        {
            if (now >= _nextCheckpoint)
            {
                if (_writer.RecordsSinceCheckpoint > 0)
                {
                    Checkpointed(_writer.Checkpoint(now));
                }

                _nextCheckpoint = now + _options.Store.CheckpointInterval;
            }

            if (now >= _nextSweep)
            {
                RunSweep(now);
            }
        }
        catch (Exception ex)
        {
            OnWriteError(ex, 0);
        }
    }

    private void RunSweep(DateTimeOffset now)
    {
        _nextSweep = now + _options.Store.RetentionSweepInterval;
        var (paths, lastSeq) = StoreRetention.FindExpired(Directory!, _writer!.FileIndex, now - _options.Retention);
        if (paths.Count == 0)
        {
            return;
        }

        var names = paths.ConvertAll(p => Path.GetFileName(p));

        // The record goes first and durably: a file missing without it is what verify reports as tampering.
        _writer.Retention(now, names, lastSeq, _options.Retention);
        var deleted = new List<string>(names.Count);
        foreach (var path in paths)
        {
            try
            {
                File.Delete(path);
                deleted.Add(Path.GetFileName(path));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                LogRetentionFailed(_logger, Path.GetFileName(path), ex.Message);
            }
        }

        if (deleted.Count > 0)
        {
            LogRetention(_logger, deleted.Count, _options.Retention.TotalDays, string.Join(", ", deleted));
        }
    }

    private void Checkpointed(StoreCheckpoint checkpoint)
    {
        Volatile.Write(ref _lastCheckpoint, checkpoint);
        if (_options.Store.OnCheckpoint is { } callback)
        {
            try
            {
                callback(checkpoint);
            }
            catch (Exception ex)
            {
                LogCallbackFailed(_logger, ex);
            }
        }
    }

    private TimeSpan NextTimerDelay(DateTimeOffset now)
    {
        var next = _nextSweep;
        if (_writer!.RecordsSinceCheckpoint > 0 && _nextCheckpoint < next)
        {
            next = _nextCheckpoint;
        }

        var delay = next - now;
        return delay < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1)
            : delay > TimeSpan.FromHours(1) ? TimeSpan.FromHours(1)
            : delay;
    }

    private void OnWriteError(Exception exception, long lost)
    {
        if (lost > 0)
        {
            Interlocked.Add(ref _failedWrites, lost);
            StoreMetrics.Dropped(lost, "write_failed");
        }

        Interlocked.Increment(ref _writeErrors);
        StoreMetrics.WriteError();
        Volatile.Write(ref _lastError, exception.GetType().Name + ": " + exception.Message);
        _writer!.Abandon();
        var now = _time.GetUtcNow();
        _retryAt = now + _retryDelay;
        if (!_outageLogged)
        {
            // Logged once per outage: the counters carry the rest.
            _outageLogged = true;
            _lostAtOutageStart = LostTotal() - lost;
            LogWriteFailed(_logger, exception, Directory, exception.Message, MaxRetryDelay.TotalSeconds);
        }

        _retryDelay = _retryDelay * 2 > MaxRetryDelay ? MaxRetryDelay : _retryDelay * 2;
    }

    private long LostTotal()
        => Interlocked.Read(ref _droppedQueueFull) + Interlocked.Read(ref _failedWrites) + Interlocked.Read(ref _unserializable);

    private void CountRemainingAsFailed(System.Threading.Channels.ChannelReader<SecurityEventRecord> reader)
    {
        var count = 0;
        while (reader.TryRead(out _))
        {
            count++;
        }

        if (count > 0)
        {
            Interlocked.Add(ref _failedWrites, count);
            StoreMetrics.Dropped(count, "write_failed");
        }

        Processed(count);
    }

    private void CloseStore()
    {
        if (!_writer!.IsOpen)
        {
            _writer.Dispose();
            return;
        }

        try
        {
            var now = _time.GetUtcNow();
            var totals = NoteDrops(now);
            if (_writer.Close(now) is { } closing)
            {
                _noted = totals;
                Checkpointed(closing);
            }
        }
        catch (Exception ex)
        {
            OnWriteError(ex, 0);
        }
        finally
        {
            _writer.Dispose();
        }
    }

    private void Processed(int count)
    {
        var processed = Interlocked.Add(ref _processed, count);
        lock (_flushLock)
        {
            for (var i = _flushWaiters.Count - 1; i >= 0; i--)
            {
                if (_flushWaiters[i].Target <= processed)
                {
                    _flushWaiters[i].Done.TrySetResult();
                    _flushWaiters.RemoveAt(i);
                }
            }
        }
    }

    private void ReleaseFlushWaiters()
    {
        lock (_flushLock)
        {
            foreach (var waiter in _flushWaiters)
            {
                waiter.Done.TrySetResult();
            }

            _flushWaiters.Clear();
        }
    }
}
